/* extract.h — the extractor: one article's UTF-8 text in; its quotes (who
 * said what), actors (who is mentioned, aliases merged) and figures (which
 * numbers are stated) out.
 *
 * Pure C over UTF-8 text: no I/O, no HTTP, no SQL, no global state, so it is
 * safe to call from many threads at once. What counts as a quote, an actor
 * and a figure is fixed by the corpus guidelines; docs/EXTRACTION.md explains
 * the rules and their measured quality. Offsets are byte offsets into the
 * submitted text, `end` exclusive. */
#ifndef QUOTED_EXTRACT_H
#define QUOTED_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

enum extract_lang { LANG_FR = 0, LANG_EN = 1 };
enum actor_type { ACTOR_PERSON = 0, ACTOR_ORGANIZATION = 1, ACTOR_PLACE = 2 };
enum quote_kind { QUOTE_DIRECT = 0, QUOTE_PARTIAL = 1 };

struct span {
    size_t start, end;
};

struct actor {
    char *name;              /* fullest form used in the article */
    enum actor_type type;
    char **aliases;          /* other forms used for the same actor */
    size_t n_aliases;
    struct span *mentions;   /* every place the actor is named, sorted */
    size_t n_mentions;
};

struct quote {
    struct span span;        /* the words between the marks (first occurrence) */
    char *text;              /* copy of those words */
    enum quote_kind kind;
    int speaker;             /* index into extraction.actors, or -1 if unknown */
    char *cue;               /* the attribution as written ("a dit", "said"), or NULL */
    int occurrences;         /* >1 for a pull quote repeated in the text */
    double confidence;       /* 0..1, how sure the speaker attribution is */
};

struct figure {
    struct span span;        /* shortest stretch holding number and unit */
    char *text;
    double value;            /* normalised: "3,7 millions" -> 3700000 */
    char *unit;              /* counted noun or unit as written; "" if none */
    bool approx;             /* "environ", "près de", "more than"... */
    char *sentence;          /* the sentence that states it */
};

/* What extract_article() returns. Every pointer inside is owned by the
 * structure and released by extraction_free(). */
struct extraction {
    enum extract_lang lang;
    struct actor *actors;
    size_t n_actors;
    struct quote *quotes;
    size_t n_quotes;
    struct figure *figures;
    size_t n_figures;
};

struct article_input {
    const char *text;        /* UTF-8, need not be NUL-terminated */
    size_t len;
    const char *lang;        /* "fr", "en", or NULL to detect */
    const char *title;       /* optional, may be NULL */
    const char *date;        /* optional ISO date, may be NULL */
};

enum extract_status {
    EXTRACT_OK = 0,
    EXTRACT_EUTF8 = 1,       /* text is not well-formed UTF-8 */
    EXTRACT_ELANG = 2,       /* lang given but neither "fr" nor "en" */
    EXTRACT_ENOMEM = 3,
};

/* Extract quotes, actors and figures from `in`. On EXTRACT_OK `out` holds the
 * result and the caller releases it with extraction_free(); on any error
 * `out` is left empty (safe to free). Empty text gives an empty result. */
enum extract_status extract_article(const struct article_input *in, struct extraction *out);

/* Release everything `x` owns and zero it; NULL and zeroed structs are fine. */
void extraction_free(struct extraction *x);

/* Detect "fr" or "en" from the text's function words. */
enum extract_lang extract_detect_lang(const char *text, size_t len);

const char *extract_lang_name(enum extract_lang lang);
const char *actor_type_name(enum actor_type t);
const char *quote_kind_name(enum quote_kind k);

/* Human-readable message for a status. */
const char *extract_strerror(enum extract_status st);

#endif

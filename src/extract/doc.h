/* doc.h — the extractor's working state, shared by its passes (actors,
 * quotes, figures) but private to src/extract/.
 *
 * extract_article() tokenises the text once into `tokens` and splits it
 * into sentences; then the passes run in order: actors_extract() fills
 * out->actors, quotes_extract() finds quotes and resolves their speakers
 * against those actors (adding an actor when a speaker was not yet known),
 * figures_extract() fills out->figures. */
#ifndef QUOTED_DOC_H
#define QUOTED_DOC_H

#include <stdint.h>

#include "extract.h"

enum token_kind {
    TOK_WORD,     /* letters, with inner hyphens/apostrophes: "Jean-Yves", "a-t-il" */
    TOK_NUMBER,   /* digits with inner , or . between digits: "3,7", "12,567" */
    TOK_PUNCT,    /* any other single code point that is not a space */
};

enum token_flag {
    TF_CAP = 1 << 0,        /* word starts with an upper-case letter */
    TF_ALLCAPS = 1 << 1,    /* word has 2+ letters, all upper case */
    TF_SENT_START = 1 << 2, /* first token of a sentence */
    TF_PARA_START = 1 << 3, /* first token after a blank line or text start */
    TF_SPACE_BEFORE = 1 << 4,
    TF_LINE_BEFORE = 1 << 5,  /* a line break between the previous token and this one */
    TF_HYPHEN = 1 << 6,     /* a word joined by a hyphen ('-', U+2010, U+2011):
                             * without it, neither its text nor its fold
                             * holds a '-' */
};

struct token {
    uint32_t start, end;    /* byte offsets in doc.text */
    uint32_t cp;            /* TOK_PUNCT: its code point; else first code point */
    uint16_t kind;          /* enum token_kind */
    uint16_t flags;         /* enum token_flag bits */
    uint32_t foff, flen;    /* folded text (utf8_fold_into, never cut) at
                             * doc.fold + foff, flen bytes, NUL-terminated */
    uint32_t word;          /* TOK_WORD: its id in doc.words (equal folds,
                             * equal ids); 0 for other tokens */
};

/* A distinct folded word of the document: the first token that folds to it
 * holds the key (doc.fold + foff, flen bytes). */
struct doc_word {
    uint32_t foff, flen;
    unsigned hash;          /* strmap_hash() of the fold */
};

struct doc {
    const char *text;
    size_t len;
    enum extract_lang lang;
    const char *title;      /* may be NULL */

    struct token *tokens;
    size_t n_tokens;
    char *fold;             /* every token folded once, back to back */
    struct doc_word *words; /* the distinct folded words, by id */
    size_t n_words;
    uint32_t *word_slots;   /* open addressing over words: id + 1, 0 empty */
    size_t word_mask;       /* slots - 1 (a power of two minus one) */
    struct span *sentences; /* sentence byte spans, in order, covering tokens */
    size_t n_sentences;
    /* tokens.c: allocated elements of tokens, fold (bytes), words,
     * word_slots and sentences, which doc_free_tokens() keeps for the
     * thread's next document */
    size_t tokens_cap, fold_cap, words_cap, slots_cap, sentences_cap;

    struct extraction *out; /* the result being built */
    size_t actors_cap;      /* allocated slots of out->actors (see grow()) */
    struct actors_index *actors_ix; /* actors.c's lookup index, or NULL */
};

/* tokens.c */
/* Fill tokens, fold, words and sentences from text; 0, or -1 on
 * allocation failure (then doc_free_tokens() still releases what was
 * taken). The arrays belong to d until doc_free_tokens(), which hands them
 * to the calling thread for its next document (up to a bound; the rest is
 * freed, as everything is when the thread exits). */
int doc_tokenize(struct doc *d);
void doc_free_tokens(struct doc *d);
/* Id of the distinct word folding to w[0..n) (already folded), or -1 when
 * no word token of the document folds to it. */
long doc_word_find(const struct doc *d, const char *w, size_t n);
/* Index of the sentence holding byte `off` (binary search). */
size_t doc_sentence_at(const struct doc *d, size_t off);
/* Index of the first token whose start >= off (n_tokens if none). */
size_t doc_token_at(const struct doc *d, size_t off);
/* True when token t's text equals `word` (ASCII, case-insensitive). */
bool tok_is(const struct doc *d, const struct token *t, const char *word);
/* Folded text of token t into buf (cap bytes, NUL-terminated, cut at a code
 * point as utf8_fold_into() cuts); returns its length. */
size_t tok_fold(const struct doc *d, const struct token *t, char *buf, size_t cap);

/* The passes. Each returns 0, or -1 on allocation failure. */
int actors_extract(struct doc *d);
int quotes_extract(struct doc *d);
int figures_extract(struct doc *d);

/* actors.c — what the other passes may ask of the actors found. */
/* Index of the actor with a mention overlapping [start,end), or -1. */
int actors_at(const struct doc *d, size_t start, size_t end);
/* Index of the actor whose name or an alias folds equal to s[0..n), or
 * whose surname is s; -1 if none. */
int actors_find(const struct doc *d, const char *s, size_t n);
/* Add a mention of s[0..n) at [start,end) as an actor of type t, merged into
 * an existing actor when it names one; returns its index, -1 on failure. */
int actors_add(struct doc *d, const char *s, size_t n, enum actor_type t, size_t start, size_t end);
/* Release the lookup index the actors pass keeps in d (NULL is fine). */
void actors_release(struct doc *d);
/* One mention of an actor, as kept in the actors pass's index. */
struct actor_mention {
    size_t start, end;
    int actor;              /* index into d->out->actors */
};
/* The mentions of every actor that start in [start,end), in text order:
 * *first points at the first of them (borrowed, valid until the next
 * actors_add()), the return value is how many there are. Logarithmic, so
 * a pass can look around each quote without scanning every actor. */
size_t actors_mentions_in(struct doc *d, size_t start, size_t end, const struct actor_mention **first);

/* extract.c — a bump allocator for the many small blocks a pass needs only
 * while it runs (never for what goes into struct extraction, which stays
 * malloc'd for extraction_free()). Blocks come from chunks of at least
 * ARENA_CHUNK bytes; arena_free() releases them all at once. One owner at a
 * time (no locking); a zeroed struct arena is an empty arena. */
#define ARENA_CHUNK 8192
struct arena_chunk;
struct arena {
    struct arena_chunk *head;   /* the chunk being filled, linked to the older ones */
    size_t used, cap;           /* bytes taken and available in head */
};
/* n bytes aligned for any object, valid until arena_free(); NULL on
 * allocation failure. */
void *arena_alloc(struct arena *a, size_t n);
/* A NUL-terminated copy of s[0..n) in the arena; NULL on failure. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* extract.c — per-thread spare arrays. A pass that allocates the same
 * arrays for every document gives them back when it is done (spare_keep)
 * and takes them again for the thread's next document (spare_take): warm
 * memory, and no allocation per article. A set is kept only while it takes
 * at most SPARE_MAX bytes; every set a thread keeps is freed when the
 * thread exits. The arrays' owner says what each slot holds and counts
 * its capacity in its own units. */
#define SPARE_MAX ((size_t)1 << 20)
#define SPARE_SLOTS 8
enum spare_set { SPARE_TOKENS, SPARE_ACTORS, SPARE_SETS };
struct spare_arrays {
    void *p[SPARE_SLOTS];
    size_t cap[SPARE_SLOTS];
};
/* Move the thread's set `which` into *out; all NULL and 0 when it has none. */
void spare_take(enum spare_set which, struct spare_arrays *out);
/* Keep *in (whose arrays take `bytes` in all) as the thread's set `which`,
 * or free its arrays when it is too large, the thread already keeps one,
 * or the thread cannot register its clean-up. *in is emptied either way. */
void spare_keep(enum spare_set which, struct spare_arrays *in, size_t bytes);

/* extract.c — small shared helpers. */
char *xstrndup(const char *s, size_t n);   /* NULL on allocation failure */
/* Grow *arr (element size `size`) so that index `n` fits; 0 or -1. */
int grow(void **arr, size_t *cap, size_t n, size_t size);

#endif

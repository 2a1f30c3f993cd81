/* db.h — the storage layer: schema, migrations and every query. The only
 * code of quoted that speaks SQL.
 *
 * A `struct db` is one SQLite connection with its prepared statements. It is
 * never used by two threads at once: the server gives each worker thread its
 * own read connection and serialises writes through one writer connection.
 * The file is in WAL mode, so readers never block the writer; the writer
 * commits with synchronous=FULL, so an acknowledged write survives a crash
 * of the process (kill -9).
 *
 * Read functions return JSON (jansson) built straight from rows: the handler
 * wraps it in the API's envelope. Every returned json_t* is a NEW reference
 * the caller must json_decref(); every returned char* must be free()d.
 *
 * Errors are values: functions return enum db_status, and on DB_ERROR a
 * message is available from db_errmsg() until the next call on that
 * connection. */
#ifndef QUOTED_DB_H
#define QUOTED_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "extract/extract.h"

struct db;

enum db_status {
    DB_OK = 0,
    DB_NOTFOUND,   /* no row with that id */
    DB_EINVAL,     /* a client value the database rejects: bad cursor, bad full-text syntax */
    DB_BUSY,       /* the database stayed locked past the busy timeout */
    DB_ERROR,      /* anything else (I/O, corruption, out of memory): a server fault */
};

enum db_mode {
    DB_READ,       /* queries only (PRAGMA query_only) */
    DB_WRITE,      /* creates the file and migrates the schema on open */
};

/* Open `path` (created when mode is DB_WRITE). On success *out is the new
 * connection (release with db_close). On failure returns DB_ERROR and writes
 * a message into err (errlen bytes). */
enum db_status db_open(const char *path, enum db_mode mode, struct db **out, char *err, size_t errlen);
void db_close(struct db *db);                 /* NULL is fine */
const char *db_errmsg(const struct db *db);   /* borrowed; last error message */
int db_schema_version(struct db *db);         /* PRAGMA user_version */
enum db_status db_ping(struct db *db);        /* readiness: a trivial query */

/* ---- writes (writer connection only) ---------------------------------- */

struct db_article_in {
    const char *url;          /* may be NULL; unique when given */
    const char *title;        /* may be NULL */
    const char *lang;         /* "fr" or "en" (the extraction's language) */
    const char *published_at; /* ISO 8601 date or date-time, may be NULL */
    const char *source;       /* e.g. "Wikinews", may be NULL */
    const char *text;         /* UTF-8 */
    size_t len;
};

/* Store the article and its extraction (actors merged with the actors
 * already known across articles, mentions, quotes, figures, FTS rows) in one
 * transaction. When an article with the same content (hash of the text) or
 * the same URL exists, nothing is stored, *existed is set and *id is the
 * existing article's id. */
enum db_status db_article_insert(struct db *w, const struct db_article_in *a,
                                 const struct extraction *x, int64_t *id, bool *existed);

/* Delete the article and, by cascade, its quotes, mentions and figures;
 * actors left with no mention and no quote are removed too. DB_NOTFOUND
 * when there is no such article. */
enum db_status db_article_delete(struct db *w, int64_t id);

/* Batches, for bulk ingest: one transaction and one flush for many
 * articles. After db_batch_begin, db_article_insert and db_article_delete
 * on `w` run inside the batch's transaction, each in its own savepoint: one
 * that fails is undone alone and the others stay. Nothing of a batch is
 * visible to readers or durable before db_batch_commit returns DB_OK; when
 * it fails (or a write in the batch reports that the batch was lost), the
 * whole batch is rolled back and every article written in it since
 * db_batch_begin must be treated as not stored. db_batch_rollback abandons
 * a batch (nothing of it is kept); calling it with no batch open does
 * nothing. A batch holds the database's write lock until it ends: keep it
 * to a few hundred articles. Batches do not nest (DB_ERROR). */
enum db_status db_batch_begin(struct db *w);
enum db_status db_batch_commit(struct db *w);
void db_batch_rollback(struct db *w);

/* ---- reads -------------------------------------------------------------- */

/* Keyset pagination. `cursor` is the opaque string a previous page returned
 * as next_cursor, or NULL for the first page; a cursor this code did not
 * produce gives DB_EINVAL. `limit` is 1..100. */
struct db_page {
    int limit;
    const char *cursor;
};

/* One page of a list: `items` (new JSON array), `next_cursor` (NULL on the
 * last page; caller frees), `total` (rows matching the filters). When
 * `total_is_lower_bound` is set, more than `total` rows match and only the
 * first `total` were counted (see db_quotes_list). */
struct db_list {
    json_t *items;
    char *next_cursor;
    int64_t total;
    bool total_is_lower_bound;
};
void db_list_free(struct db_list *l);

struct db_article_filter {
    const char *lang;      /* NULL = any */
    const char *from, *to; /* ISO dates on published_at, inclusive; NULL = open */
    const char *source;
    const char *q;         /* full text over title and text; NULL = none */
};

/* Articles, newest id first. Item: {id, url, title, lang, published_at,
 * source, ingested_at, counts:{quotes, actors, figures}}. */
enum db_status db_articles_list(struct db *r, const struct db_article_filter *f,
                                const struct db_page *p, struct db_list *out);

/* One article: the list item plus "text", "quotes" (as db_quote_get items,
 * without "article"), "actors" ({id, name, type, aliases, mentions}) and
 * "figures" ({id, text, value, unit, approx, start, end, sentence}). */
enum db_status db_article_get(struct db *r, int64_t id, json_t **out);

enum db_quote_sort { QUOTES_BY_ID = 0, QUOTES_BY_DATE_DESC, QUOTES_BY_DATE_ASC, QUOTES_BY_RELEVANCE };

struct db_quote_filter {
    int64_t speaker_id;       /* 0 = any */
    const char *speaker_name; /* accent/case-insensitive match on name or alias; NULL = any */
    int64_t article_id;       /* 0 = any */
    const char *lang, *from, *to, *kind;
    const char *q;            /* full text (FTS5 over quote text and speaker) */
    enum db_quote_sort sort;
};

/* Quotes. Item: {id, text, kind, speaker:{id, name}|null, cue, occurrences,
 * confidence, start, end, lang, article:{id, title, url, published_at}} and,
 * when q is given, "highlight" (the text with matches in <mark></mark>).
 * With no filter at all `total` is exact (a counter kept by triggers); with
 * a filter or q, matching rows are counted up to DB_QUOTES_COUNT_CAP: when
 * more match, `total` is DB_QUOTES_COUNT_CAP and total_is_lower_bound is
 * set. Counting walks every match (about 50 ns each in the full-text
 * index), so the cap keeps a count below the cost of the page itself. A
 * full-text query pages inside the index first, then reads the page's rows
 * only; QUOTES_BY_ID with q walks the index newest first. */
#define DB_QUOTES_COUNT_CAP 1000
enum db_status db_quotes_list(struct db *r, const struct db_quote_filter *f,
                              const struct db_page *p, struct db_list *out);

/* One quote: the list item plus "context" (the article text around the
 * quote, about 300 bytes each side, cut at UTF-8 boundaries). */
enum db_status db_quote_get(struct db *r, int64_t id, json_t **out);

/* One quote drawn at random among those matching f (sort is ignored), as
 * db_quote_get returns it. DB_NOTFOUND when none matches. */
enum db_status db_quote_random(struct db *r, const struct db_quote_filter *f, json_t **out);

struct db_actor_filter {
    const char *type;     /* person | organization | place; NULL = any */
    const char *q;        /* prefix of name or alias, accent/case-insensitive */
    bool quoted_only;     /* only actors with at least one quote */
};

/* Actors, by quote count then mentions. Item: {id, name, type, aliases,
 * quotes, mentions, articles, first_quoted, last_quoted}. */
enum db_status db_actors_list(struct db *r, const struct db_actor_filter *f,
                              const struct db_page *p, struct db_list *out);
enum db_status db_actor_get(struct db *r, int64_t id, json_t **out);

/* ---- figures and statistics (db_figures.c, db_stats.c) ------------------ */

enum db_figure_sort {
    FIGURES_BY_DATE_DESC = 0,  /* article's published_at, newest first, then id (the default) */
    FIGURES_BY_DATE_ASC,
    FIGURES_BY_VALUE_DESC,     /* value, then id */
    FIGURES_BY_VALUE_ASC,
};

struct db_figure_filter {
    const char *unit;          /* the unit, without regard to case or accents; NULL = any */
    bool has_min, has_max;     /* min and max are bounds of value (inclusive) when set */
    double min, max;
    int64_t article_id;        /* 0 = any */
    const char *q;             /* words of the figure's text or sentence (full text); NULL = none */
    const char *lang, *from, *to; /* the article's language and published_at, as for quotes */
    enum db_figure_sort sort;
};

/* Figures across articles. Item: {id, text, value, unit, approx, start,
 * end, sentence, article:{id, title, url, published_at}}. Figures of
 * articles with no date come last in -date order, first in date order. */
enum db_status db_figures_list(struct db *r, const struct db_figure_filter *f,
                               const struct db_page *p, struct db_list *out);

/* Restricts the statistics to some articles; every field NULL = all. */
struct db_stats_filter {
    const char *lang;          /* "fr" | "en" */
    const char *from, *to;     /* published_at, inclusive, as for the lists */
};

/* The numbers of the collection under f, as one new JSON object:
 * {totals:{articles, quotes, actors, speakers, figures},
 *  top_speakers:[{id, name, quotes}] (10 at most, most quoted first),
 *  quotes_per_month:[{month:"YYYY-MM", quotes}] (oldest first; quotes
 *    of articles dated to the month at least),
 *  per_language:[{lang, articles, quotes}] (most articles first),
 *  figures_per_unit:[{unit, figures}] (20 at most, commonest first; units
 *    that fold alike count together, figures with no unit are left out)}.
 * Actors and speakers count those named or quoted in the articles. */
enum db_status db_stats(struct db *r, const struct db_stats_filter *f, json_t **out);

enum db_interval { DB_BY_MONTH = 0, DB_BY_WEEK, DB_BY_DAY };

/* Quotes per period of their article's published_at, under f (its sort is
 * ignored), as one new JSON object {interval:"month"|"week"|"day",
 * buckets:[{period, quotes}]}: periods "2026-03", ISO 8601 weeks
 * "2026-W11" or days "2026-03-12", oldest first, only periods with quotes.
 * A quote whose article's date is too coarse for the interval (no day for
 * day or week, no month for month) is not counted. */
enum db_status db_quotes_timeline(struct db *r, const struct db_quote_filter *f, enum db_interval interval,
                                  json_t **out);

#endif

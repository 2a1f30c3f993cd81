/* db_internal.h — what the files of src/db/ share and nothing outside sees:
 * the connection structure, the per-connection statement cache, the sticky
 * error code helpers, cursors, hashing and the full-text query builder.
 *
 * The sticky error code: helpers take `int *rc` (an SQLite result code, or
 * one of the RC_* values below) and do nothing once it is not SQLITE_OK, so
 * a sequence of calls needs one check at the end, through db_status_of(). */
#ifndef QUOTED_DB_INTERNAL_H
#define QUOTED_DB_INTERNAL_H

#include <sqlite3.h>

#include "db/db.h"

/* Our own codes for *rc, outside SQLite's range of result codes. */
#define RC_EINVAL   (-1)  /* a client value was rejected */
#define RC_NOTFOUND (-2)  /* no such row */

#define DB_STMT_CACHE 64

struct db_cached_stmt {
    char *sql;                 /* owned; the key */
    sqlite3_stmt *stmt;
};

struct db {
    sqlite3 *h;
    enum db_mode mode;
    struct db_cached_stmt cache[DB_STMT_CACHE];
    size_t next_evict;         /* round-robin victim when the cache is full */
    bool batch;                /* inside db_batch_begin … db_batch_commit */
    int64_t fts_from;          /* lowest article id written in the open transaction
                                  and not yet in the full-text tables; 0: none */
    char err[256];
};

/* The schema version this code writes and reads. */
int db_schema_target(void);
/* Create or migrate the schema to db_schema_target(); writer only. */
void db_migrate(struct db *db, int *rc);

/* ---- sticky helpers ----------------------------------------------------- */

/* Set *rc to `code` (SQLITE_ERROR when 0) with message `msg`, or SQLite's
 * last message when msg is NULL; nothing when *rc is already set. */
void db_fail(struct db *db, int *rc, int code, const char *msg);

/* The cached prepared statement for `sql` (prepared on first use). The
 * statement is borrowed: the caller must db_done() it before the same SQL is
 * asked for again. A statement being stepped is never evicted to make room
 * for another. NULL when *rc is set or preparation fails. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, int *rc);
/* Reset and clear the bindings of a cached statement; NULL is fine. */
void db_done(sqlite3_stmt *st);

void db_bind_i64(struct db *db, sqlite3_stmt *st, int i, int64_t v, int *rc);
void db_bind_f64(struct db *db, sqlite3_stmt *st, int i, double v, int *rc);
/* Bind a string (copied by SQLite) or NULL. */
void db_bind_text(struct db *db, sqlite3_stmt *st, int i, const char *s, int *rc);
void db_bind_textn(struct db *db, sqlite3_stmt *st, int i, const char *s, size_t n, int *rc);

/* Step: true when a row is ready; false when done or on error (*rc set). */
bool db_step(struct db *db, sqlite3_stmt *st, int *rc);
/* Run statements with no result (schema, transactions). */
void db_exec(struct db *db, const char *sql, int *rc);

/* A write's own transaction: BEGIN IMMEDIATE … COMMIT, or inside a batch
 * a savepoint released into the batch's transaction (so a failed write is
 * undone alone). tx_begin fails when the batch's transaction was lost (an
 * I/O error rolled it back). tx_end commits (or releases) when *rc is
 * clear, else rolls back (to the savepoint); a failed commit is rolled back
 * too, and *rc then holds the error. */
void tx_begin(struct db *db, int *rc);
void tx_end(struct db *db, int *rc);

/* Index in quotes_fts, articles_fts and figures_fts the articles written
 * in the open transaction since the last call (ids from db->fts_from up),
 * with their quotes and figures: one INSERT … SELECT per table, so FTS5
 * writes a few large segments instead of one per row. Called before every
 * commit, and before a delete inside a batch (a delete from the full-text
 * tables needs the row indexed). Nothing to do when db->fts_from is 0. */
void fts_index_pending(struct db *w, int *rc);

/* Map the final *rc to the public status. */
enum db_status db_status_of(struct db *db, int rc);

/* ---- dynamic statements (filters) -------------------------------------- */

/* A growable SQL text with its positional arguments, for list queries whose
 * shape depends on the filters. Statements are still cached by SQL text. */
enum sqlarg_type { ARG_I64, ARG_F64, ARG_TEXT };
struct sqlarg {
    enum sqlarg_type t;
    int64_t i;
    double f;
    const char *s;             /* borrowed: must outlive the query */
};
struct sqlbuf {
    char *sql;
    size_t len, cap;
    struct sqlarg args[24];
    int nargs;
};
void sb_add(struct sqlbuf *b, const char *s, int *rc);
void sb_i64(struct sqlbuf *b, int64_t v, int *rc);     /* appends "?" and the argument */
void sb_f64(struct sqlbuf *b, double v, int *rc);
void sb_text(struct sqlbuf *b, const char *s, int *rc);
void sb_bind(struct db *db, sqlite3_stmt *st, const struct sqlbuf *b, int *rc);
void sb_free(struct sqlbuf *b);
/* Append the article conditions every list shares (article alias `a`):
 * language, and published_at from `from` to `to` inclusive (a date-time on
 * the `to` day still matches). NULL arguments add nothing. */
void sb_article_dates(struct sqlbuf *b, const char *lang, const char *from, const char *to, int *rc);
/* Run the built query `b`, whose first column of its first row is a count,
 * and return that count (0 when *rc is, or becomes, set). */
int64_t sb_count(struct db *db, const struct sqlbuf *b, int *rc);

/* ---- cursors ------------------------------------------------------------ */

/* An opaque cursor: base64url of "tag|key|id|check". New string (caller
 * frees) or NULL on allocation failure. */
char *cursor_make(const char *tag, const char *key, int64_t id);
/* Parse a cursor made with the same tag: *key is a new string the caller
 * frees. Returns false for anything cursor_make did not produce. */
bool cursor_parse(const char *cursor, const char *tag, char **key, int64_t *id);

/* ---- text helpers -------------------------------------------------------- */

/* SHA-256 of data as 64 lower-case hex digits plus NUL into out[65]. */
void sha256_hex(const void *data, size_t len, char out[65]);

/* Turn user words into a safe FTS5 query: each word a "string", optional
 * trailing * kept as a prefix, "quoted phrases" kept, OR kept between two
 * terms, other syntax dropped. New string (caller frees); "" when the input
 * holds no word; NULL on allocation failure. */
char *fts_query(const char *q);

/* SQL expression that maps the ligatures unicode61 keeps (œ, æ, ß) to their
 * two-letter forms (two bytes each way, so offsets are unchanged), and blanks the highlight markers
 * \x01 and \x02: what the FTS tables index. */
#define FTS_FOLD(x)                                                                      \
    "replace(replace(replace(replace(replace(replace(replace(" x                         \
    ",'œ','oe'),'Œ','OE'),'æ','ae'),'Æ','AE'),'ß','ss'),char(1),' '),char(2),' ')"

/* Rebuild a highlight() result (markers \x01 \x02 over the FTS_FOLD form of
 * `orig`) as `orig` HTML-escaped with <mark></mark>. New string or NULL. */
char *highlight_restore(const char *hl, const char *orig);

/* Copy of a column as a new json string, or json null when NULL. Its UTF-8
 * is not checked: the JSON writer (textbuf.h) checks it as it writes. */
json_t *col_json_text(sqlite3_stmt *st, int col);
/* Copy of a column as a new C string (NULL when NULL or out of memory). */
char *col_strdup(sqlite3_stmt *st, int col);

/* pre + s with LIKE's wildcards escaped by '\\' + post: a new string
 * (caller frees) or NULL. */
char *like_escape(const char *pre, const char *s, const char *post);

/* True for an ISO date prefix we accept as a filter value. */
bool iso_date_ok(const char *s);

/* Quote JSON items shared by the quote list, quote get and article get. */
#define QUOTE_COLS                                                                   \
    "q.id, q.text, q.kind, q.speaker_id, s.name, q.cue, q.occurrences, q.confidence, " \
    "q.start, q.\"end\", a.lang, a.id, a.title, a.url, a.published_at"
#define QUOTE_FROM                                                                   \
    " quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker_id"
/* Build a quote item from a row selected with QUOTE_COLS at column 0. */
json_t *quote_item(sqlite3_stmt *st, bool with_article);

/* The filtering part of a quote query (db_quotes.c), shared by the quote
 * list, the random quote and the timeline (db_stats.c): the strings the
 * bound arguments borrow, owned here. */
struct quote_query {
    char *fts;          /* FTS5 query, NULL when no q */
    char *name;         /* folded speaker name */
    char *name_like;    /* '% name' */
    char *key;          /* cursor key */
    bool empty;         /* nothing can match */
};
/* Check the client's values in f and build what the query binds into qq
 * (released with quote_query_free, also on failure). RC_EINVAL in *rc for
 * a value the database rejects. */
void quote_query_init(struct db *r, const struct db_quote_filter *f, struct quote_query *qq, int *rc);
void quote_query_free(struct quote_query *qq);
/* Append FROM and WHERE of a quote query for f to b: the quote is `q`, its
 * article `a`, its speaker `s`. qq must outlive the statement's use. */
void quotes_from_where(struct sqlbuf *b, const struct db_quote_filter *f, struct quote_query *qq, int *rc);

/* Actors: identity across articles (db_actors.c). Returns the stored actor
 * id for an extracted actor, inserting or enriching the row. */
int64_t actor_resolve(struct db *db, const struct actor *a, int *rc);
/* Remove the given actors when they have no mention and no quote left. */
void actors_prune(struct db *db, const int64_t *ids, size_t n, int *rc);
/* The aliases of one actor as a new JSON array of strings. */
json_t *actor_aliases_json(struct db *db, int64_t id, int *rc);

#endif

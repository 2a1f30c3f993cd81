/* db.c — connections (open, pragmas, the quoted_fold() SQL function,
 * migration on open, close), the per-connection statement cache, the
 * sticky error code helpers and the small pieces every query file
 * shares: dynamic SQL, cursors, content hash, the safe full-text query
 * builder and highlight restoration. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "utf8.h"

/* ---- errors ------------------------------------------------------------- */

void db_fail(struct db *db, int *rc, int code, const char *msg)
{
    if (*rc)
        return;
    *rc = code ? code : SQLITE_ERROR;
    snprintf(db->err, sizeof db->err, "%s", msg ? msg : sqlite3_errmsg(db->h));
}

enum db_status db_status_of(struct db *db, int rc)
{
    switch (rc) {
    case SQLITE_OK: return DB_OK;
    case RC_EINVAL: return DB_EINVAL;
    case RC_NOTFOUND: return DB_NOTFOUND;
    default: break;
    }
    int prim = rc & 0xff;
    if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
        return DB_BUSY;
    (void)db;
    return DB_ERROR;
}

const char *db_errmsg(const struct db *db)
{
    return db ? db->err : "no connection";
}

/* ---- statements --------------------------------------------------------- */

sqlite3_stmt *db_stmt(struct db *db, const char *sql, int *rc)
{
    if (*rc)
        return NULL;
    size_t free_slot = DB_STMT_CACHE;
    for (size_t i = 0; i < DB_STMT_CACHE; i++) {
        if (db->cache[i].sql && strcmp(db->cache[i].sql, sql) == 0)
            return db->cache[i].stmt;
        if (!db->cache[i].sql && free_slot == DB_STMT_CACHE)
            free_slot = i;
    }
    sqlite3_stmt *st = NULL;
    int r = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
    if (r != SQLITE_OK) {
        db_fail(db, rc, r, NULL);
        return NULL;
    }
    char *key = strdup(sql);
    if (!key) {
        sqlite3_finalize(st);
        db_fail(db, rc, SQLITE_NOMEM, "out of memory");
        return NULL;
    }
    if (free_slot == DB_STMT_CACHE) {
        /* full: evict round-robin, passing over statements still being
         * stepped (a row loop that reads more per row, like an actor with
         * its aliases), which their caller has not db_done() yet */
        for (size_t k = 0; k < DB_STMT_CACHE && free_slot == DB_STMT_CACHE; k++) {
            size_t i = (db->next_evict + k) % DB_STMT_CACHE;
            if (!sqlite3_stmt_busy(db->cache[i].stmt))
                free_slot = i;
        }
        if (free_slot == DB_STMT_CACHE) {
            sqlite3_finalize(st);
            free(key);
            db_fail(db, rc, SQLITE_NOMEM, "every cached statement is in use");
            return NULL;
        }
        db->next_evict = (free_slot + 1) % DB_STMT_CACHE;
        sqlite3_finalize(db->cache[free_slot].stmt);
        free(db->cache[free_slot].sql);
    }
    db->cache[free_slot].sql = key;
    db->cache[free_slot].stmt = st;
    return st;
}

void db_done(sqlite3_stmt *st)
{
    if (!st)
        return;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
}

void db_bind_i64(struct db *db, sqlite3_stmt *st, int i, int64_t v, int *rc)
{
    if (*rc)
        return;
    int r = sqlite3_bind_int64(st, i, v);
    if (r)
        db_fail(db, rc, r, NULL);
}

void db_bind_f64(struct db *db, sqlite3_stmt *st, int i, double v, int *rc)
{
    if (*rc)
        return;
    int r = sqlite3_bind_double(st, i, v);
    if (r)
        db_fail(db, rc, r, NULL);
}

void db_bind_textn(struct db *db, sqlite3_stmt *st, int i, const char *s, size_t n, int *rc)
{
    if (*rc)
        return;
    int r = s ? sqlite3_bind_text64(st, i, s, n, SQLITE_TRANSIENT, SQLITE_UTF8)
              : sqlite3_bind_null(st, i);
    if (r)
        db_fail(db, rc, r, NULL);
}

void db_bind_text(struct db *db, sqlite3_stmt *st, int i, const char *s, int *rc)
{
    db_bind_textn(db, st, i, s, s ? strlen(s) : 0, rc);
}

bool db_step(struct db *db, sqlite3_stmt *st, int *rc)
{
    if (*rc || !st)
        return false;
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW)
        return true;
    if (r != SQLITE_DONE) {
        const char *m = sqlite3_errmsg(db->h);
        /* a full-text query SQLite refuses is the client's, not ours */
        if (strstr(m, "fts5: syntax error") || strstr(m, "unknown special query"))
            db_fail(db, rc, RC_EINVAL, m);
        else
            db_fail(db, rc, r, m);
    }
    return false;
}

void db_exec(struct db *db, const char *sql, int *rc)
{
    if (*rc)
        return;
    char *msg = NULL;
    int r = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
    if (r)
        db_fail(db, rc, r, msg ? msg : sqlite3_errmsg(db->h));
    sqlite3_free(msg);
}

/* ---- transactions and batches --------------------------------------------- */

void tx_begin(struct db *db, int *rc)
{
    if (*rc)
        return;
    if (!db->batch) {
        db_exec(db, "BEGIN IMMEDIATE", rc);
        db->fts_from = 0;
    } else if (sqlite3_get_autocommit(db->h)) {
        /* the batch's transaction is gone (rolled back by an I/O error) */
        db_fail(db, rc, SQLITE_ABORT, "the batch was rolled back");
    } else {
        db_exec(db, "SAVEPOINT write", rc);
    }
}

void tx_end(struct db *db, int *rc)
{
    if (db->batch) {
        if (!*rc) {
            db_exec(db, "RELEASE write", rc);
        } else if (!sqlite3_get_autocommit(db->h)) {
            sqlite3_exec(db->h, "ROLLBACK TO write; RELEASE write", NULL, NULL, NULL);
        }
        return;
    }
    fts_index_pending(db, rc);
    db_exec(db, "COMMIT", rc);
    if (*rc && !sqlite3_get_autocommit(db->h))
        sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
    db->fts_from = 0;
}

enum db_status db_batch_begin(struct db *w)
{
    int rc = 0;
    w->err[0] = '\0';
    if (w->mode != DB_WRITE || w->batch)
        db_fail(w, &rc, SQLITE_MISUSE, w->batch ? "a batch is already open" : "read-only connection");
    db_exec(w, "BEGIN IMMEDIATE", &rc);
    w->fts_from = 0;
    if (!rc)
        w->batch = true;
    return db_status_of(w, rc);
}

enum db_status db_batch_commit(struct db *w)
{
    int rc = 0;
    w->err[0] = '\0';
    if (!w->batch) {
        db_fail(w, &rc, SQLITE_MISUSE, "no batch is open");
        return db_status_of(w, rc);
    }
    w->batch = false;
    if (sqlite3_get_autocommit(w->h))
        db_fail(w, &rc, SQLITE_ABORT, "the batch was rolled back");
    fts_index_pending(w, &rc);
    db_exec(w, "COMMIT", &rc);
    if (rc && !sqlite3_get_autocommit(w->h))
        sqlite3_exec(w->h, "ROLLBACK", NULL, NULL, NULL);
    w->fts_from = 0;
    return db_status_of(w, rc);
}

void db_batch_rollback(struct db *w)
{
    if (!w || !w->batch)
        return;
    w->batch = false;
    w->fts_from = 0;
    if (!sqlite3_get_autocommit(w->h))
        sqlite3_exec(w->h, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- connections -------------------------------------------------------- */

/* SQL function quoted_fold(text): utf8_fold() of its argument (NULL stays
 * NULL), so SQL can write the folded form the C code matches against. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    int n = sqlite3_value_bytes(argv[0]);
    char *f = s ? utf8_fold(s, (size_t)n) : NULL;
    if (!f) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_text(ctx, f, -1, free);
}

enum db_status db_open(const char *path, enum db_mode mode, struct db **out, char *err, size_t errlen)
{
    *out = NULL;
    struct db *db = calloc(1, sizeof *db);
    if (!db) {
        snprintf(err, errlen, "out of memory");
        return DB_ERROR;
    }
    db->mode = mode;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (mode == DB_WRITE)
        flags |= SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &db->h, flags, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "%s: %s", path, db->h ? sqlite3_errmsg(db->h) : "cannot open");
        sqlite3_close(db->h);
        free(db);
        return DB_ERROR;
    }
    sqlite3_extended_result_codes(db->h, 1);
    sqlite3_busy_timeout(db->h, 5000);
    int fr = sqlite3_create_function_v2(db->h, "quoted_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                        NULL, sql_fold, NULL, NULL, NULL);
    if (fr)
        db_fail(db, &rc, fr, NULL);
    db_exec(db, "PRAGMA foreign_keys = ON", &rc);
    if (mode == DB_WRITE) {
        /* journal_mode answers with a row: check it really is WAL */
        sqlite3_stmt *st = db_stmt(db, "PRAGMA journal_mode = WAL", &rc);
        if (db_step(db, st, &rc)) {
            const char *m = (const char *)sqlite3_column_text(st, 0);
            if (!m || strcmp(m, "wal") != 0)
                db_fail(db, &rc, SQLITE_ERROR, "cannot switch the database to WAL mode");
        }
        db_done(st);
        db_exec(db, "PRAGMA synchronous = FULL", &rc);
        db_migrate(db, &rc);
    } else {
        int v = db_schema_version(db);
        if (v != db_schema_target())
            db_fail(db, &rc, SQLITE_ERROR,
                    v < db_schema_target() ? "database schema is missing or old (open it for writing first)"
                                           : "database schema is newer than this program");
        db_exec(db, "PRAGMA query_only = ON", &rc);
    }
    if (rc) {
        snprintf(err, errlen, "%s: %s", path, db->err);
        db_close(db);
        return DB_ERROR;
    }
    *out = db;
    return DB_OK;
}

void db_close(struct db *db)
{
    if (!db)
        return;
    for (size_t i = 0; i < DB_STMT_CACHE; i++) {
        sqlite3_finalize(db->cache[i].stmt);
        free(db->cache[i].sql);
    }
    sqlite3_close(db->h);
    free(db);
}

int db_schema_version(struct db *db)
{
    int rc = 0, v = -1;
    sqlite3_stmt *st = db_stmt(db, "PRAGMA user_version", &rc);
    if (db_step(db, st, &rc))
        v = sqlite3_column_int(st, 0);
    db_done(st);
    return v;
}

enum db_status db_ping(struct db *db)
{
    int rc = 0;
    sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM sqlite_schema", &rc);
    db_step(db, st, &rc);
    db_done(st);
    return db_status_of(db, rc);
}

void db_list_free(struct db_list *l)
{
    if (!l)
        return;
    json_decref(l->items);
    free(l->next_cursor);
    memset(l, 0, sizeof *l);
}

/* ---- dynamic SQL -------------------------------------------------------- */

void sb_add(struct sqlbuf *b, const char *s, int *rc)
{
    if (*rc)
        return;
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 512;
        while (nc < b->len + n + 1)
            nc *= 2;
        char *p = realloc(b->sql, nc);
        if (!p) {
            *rc = SQLITE_NOMEM;
            return;
        }
        b->sql = p;
        b->cap = nc;
    }
    memcpy(b->sql + b->len, s, n + 1);
    b->len += n;
}

static void sb_arg(struct sqlbuf *b, struct sqlarg a, int *rc)
{
    if (*rc)
        return;
    if (b->nargs >= (int)(sizeof b->args / sizeof b->args[0])) {
        *rc = SQLITE_RANGE;
        return;
    }
    b->args[b->nargs++] = a;
    sb_add(b, "?", rc);
}

void sb_i64(struct sqlbuf *b, int64_t v, int *rc)
{
    sb_arg(b, (struct sqlarg){.t = ARG_I64, .i = v}, rc);
}

void sb_f64(struct sqlbuf *b, double v, int *rc)
{
    sb_arg(b, (struct sqlarg){.t = ARG_F64, .f = v}, rc);
}

void sb_text(struct sqlbuf *b, const char *s, int *rc)
{
    sb_arg(b, (struct sqlarg){.t = ARG_TEXT, .s = s}, rc);
}

void sb_bind(struct db *db, sqlite3_stmt *st, const struct sqlbuf *b, int *rc)
{
    for (int i = 0; i < b->nargs; i++) {
        const struct sqlarg *a = &b->args[i];
        if (a->t == ARG_I64)
            db_bind_i64(db, st, i + 1, a->i, rc);
        else if (a->t == ARG_F64)
            db_bind_f64(db, st, i + 1, a->f, rc);
        else
            db_bind_text(db, st, i + 1, a->s, rc);
    }
}

void sb_article_dates(struct sqlbuf *b, const char *lang, const char *from, const char *to, int *rc)
{
    if (lang) {
        sb_add(b, " AND a.lang = ", rc);
        sb_text(b, lang, rc);
    }
    if (from) {
        sb_add(b, " AND a.published_at >= ", rc);
        sb_text(b, from, rc);
    }
    if (to) {
        sb_add(b, " AND substr(a.published_at, 1, length(", rc);
        sb_text(b, to, rc);
        sb_add(b, ")) <= ", rc);
        sb_text(b, to, rc);
    }
}

int64_t sb_count(struct db *db, const struct sqlbuf *b, int *rc)
{
    int64_t n = 0;
    sqlite3_stmt *st = db_stmt(db, b->sql, rc);
    sb_bind(db, st, b, rc);
    if (db_step(db, st, rc))
        n = sqlite3_column_int64(st, 0);
    db_done(st);
    return n;
}

void sb_free(struct sqlbuf *b)
{
    free(b->sql);
    memset(b, 0, sizeof *b);
}

/* ---- cursors ------------------------------------------------------------ */

static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static uint32_t fnv1a32(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

char *cursor_make(const char *tag, const char *key, int64_t id)
{
    size_t n = strlen(tag) + strlen(key) + 48;
    char *raw = malloc(n);
    if (!raw)
        return NULL;
    int len = snprintf(raw, n, "%s|%s|%lld|", tag, key, (long long)id);
    len += snprintf(raw + len, n - (size_t)len, "%08x", (unsigned)fnv1a32(raw, (size_t)len));
    char *out = malloc(((size_t)len + 2) / 3 * 4 + 1);
    if (!out) {
        free(raw);
        return NULL;
    }
    size_t o = 0;
    const unsigned char *s = (const unsigned char *)raw;
    for (int i = 0; i < len; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16;
        int k = len - i;
        if (k > 1)
            v |= (uint32_t)s[i + 1] << 8;
        if (k > 2)
            v |= s[i + 2];
        out[o++] = b64url[(v >> 18) & 63];
        out[o++] = b64url[(v >> 12) & 63];
        if (k > 1)
            out[o++] = b64url[(v >> 6) & 63];
        if (k > 2)
            out[o++] = b64url[v & 63];
    }
    out[o] = '\0';
    free(raw);
    return out;
}

static int b64val(char c)
{
    const char *p = c ? strchr(b64url, c) : NULL;
    return p ? (int)(p - b64url) : -1;
}

bool cursor_parse(const char *cursor, const char *tag, char **key, int64_t *id)
{
    *key = NULL;
    size_t n = strlen(cursor);
    if (n == 0 || n > 2048 || n % 4 == 1)
        return false;
    char *raw = malloc(n + 1);
    if (!raw)
        return false;
    size_t o = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = b64val(cursor[i]);
        if (v < 0) {
            free(raw);
            return false;
        }
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            raw[o++] = (char)((acc >> bits) & 0xff);
        }
    }
    raw[o] = '\0';
    bool ok = false;
    /* tag|key|id|check, the key may itself hold '|' */
    char *last = strrchr(raw, '|');
    if (last && strlen(raw) == o && strlen(last + 1) == 8) {
        char want[9];
        snprintf(want, sizeof want, "%08x", (unsigned)fnv1a32(raw, (size_t)(last + 1 - raw)));
        size_t tl = strlen(tag);
        if (strcmp(want, last + 1) == 0 && strncmp(raw, tag, tl) == 0 && raw[tl] == '|') {
            *last = '\0';
            char *idp = strrchr(raw, '|');
            if (idp && idp > raw + tl) {
                char *end;
                long long v = strtoll(idp + 1, &end, 10);
                if (*end == '\0' && end != idp + 1) {
                    *idp = '\0';
                    *key = strdup(raw + tl + 1);
                    *id = (int64_t)v;
                    ok = *key != NULL;
                }
            }
        }
    }
    free(raw);
    return ok;
}

/* ---- SHA-256 (FIPS 180-4) ------------------------------------------------ */

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha_block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + sha_k[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void sha256_hex(const void *data, size_t len, char out[65])
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const unsigned char *p = data;
    size_t i = 0;
    for (; i + 64 <= len; i += 64)
        sha_block(h, p + i);
    unsigned char tail[128] = {0};
    size_t r = len - i;
    if (r)
        memcpy(tail, p + i, r);
    tail[r] = 0x80;
    size_t tl = r + 1 + 8 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int k = 0; k < 8; k++)
        tail[tl - 1 - k] = (unsigned char)(bits >> (8 * k));
    sha_block(h, tail);
    if (tl == 128)
        sha_block(h, tail + 64);
    for (int k = 0; k < 8; k++)
        snprintf(out + 8 * k, 9, "%08x", (unsigned)h[k]);
}

/* ---- full-text query ------------------------------------------------------ */

/* A character that belongs to a word for the query builder: letters and
 * digits, and any non-ASCII character that is not a space or punctuation
 * mark (the FTS tokenizer splits further if it disagrees). */
static bool word_cp(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (cp_is_letter(c) || cp_is_digit(c))
        return true;
    if (cp_is_space(c) || c == 0xAB || c == 0xBB || c == 0xA0 || (c >= 0x2000 && c <= 0x206F) ||
        (c >= 0x3000 && c <= 0x303F) || c == 0xFEFF || c == 0xFFFD)
        return false;
    return c >= 0xC0;
}

/* Append `s[0..n)` to out as an FTS5 string, ligatures expanded like
 * FTS_FOLD does for the indexed text. */
static void put_word(char **o, const char *s, size_t n)
{
    char *p = *o;
    *p++ = '"';
    for (size_t i = 0; i < n;) {
        size_t st = i;
        uint32_t c = utf8_next(s, n, &i);
        const char *rep = c == 0x153 ? "oe" : c == 0x152 ? "OE" : c == 0xE6 ? "ae" : c == 0xC6 ? "AE"
                        : c == 0xDF ? "ss" : NULL;
        if (rep) {
            memcpy(p, rep, 2);
            p += 2;
        } else if (c == '"') {
            *p++ = '"';
            *p++ = '"';
        } else {
            memcpy(p, s + st, i - st);
            p += i - st;
        }
    }
    *p++ = '"';
    *o = p;
}

char *fts_query(const char *q)
{
    size_t n = strlen(q);
    /* worst case: every byte its own quoted word with " OR " around it */
    char *out = malloc(n * 8 + 16);
    if (!out)
        return NULL;
    char *o = out;
    bool have_term = false, pending_or = false;
    size_t i = 0;
    while (i < n) {
        size_t st = i;
        uint32_t c = utf8_next(q, n, &i);
        if (c == '"') { /* a phrase: the words up to the closing quote */
            size_t ps = i;
            while (i < n && q[i] != '"')
                i++;
            size_t pe = i;
            if (i < n)
                i++;
            /* keep only word characters and single spaces inside */
            char *mark = o;
            if (have_term)
                *o++ = ' ';
            if (have_term && pending_or) {
                memcpy(o, "OR ", 3);
                o += 3;
            }
            *o++ = '"';
            bool any = false, space = false;
            for (size_t k = ps; k < pe;) {
                size_t ks = k;
                uint32_t pc = utf8_next(q, pe, &k);
                if (word_cp(pc)) {
                    if (space && any)
                        *o++ = ' ';
                    char *w = o;
                    put_word(&w, q + ks, k - ks);
                    /* put_word wraps in quotes: drop them inside a phrase */
                    size_t wl = (size_t)(w - o);
                    memmove(o, o + 1, wl - 2);
                    o += wl - 2;
                    any = true;
                    space = false;
                } else {
                    space = true;
                }
            }
            if (!any) {
                o = mark;
                continue;
            }
            *o++ = '"';
            have_term = true;
            pending_or = false;
            continue;
        }
        if (!word_cp(c))
            continue;
        while (i < n) {
            size_t k = i;
            if (!word_cp(utf8_next(q, n, &k)))
                break;
            i = k;
        }
        size_t wl = i - st;
        bool prefix = i < n && q[i] == '*';
        if (wl == 2 && memcmp(q + st, "OR", 2) == 0) {
            pending_or = have_term;
            continue;
        }
        if ((wl == 3 && (memcmp(q + st, "AND", 3) == 0 || memcmp(q + st, "NOT", 3) == 0)) ||
            (wl == 4 && memcmp(q + st, "NEAR", 4) == 0))
            continue;
        if (have_term)
            *o++ = ' ';
        if (have_term && pending_or) {
            memcpy(o, "OR ", 3);
            o += 3;
        }
        put_word(&o, q + st, wl);
        if (prefix)
            *o++ = '*';
        have_term = true;
        pending_or = false;
    }
    *o = '\0';
    return out;
}

char *highlight_restore(const char *hl, const char *orig)
{
    size_t hn = strlen(hl), on = strlen(orig);
    char *out = malloc(hn * 7 + 1); /* each byte gives at most "</mark>" */
    if (!out)
        return NULL;
    size_t o = 0, p = 0;
    for (size_t i = 0; i < hn; i++) {
        unsigned char c = (unsigned char)hl[i];
        if (c == 1 || c == 2) {
            const char *m = c == 1 ? "<mark>" : "</mark>";
            memcpy(out + o, m, strlen(m));
            o += strlen(m);
            continue;
        }
        /* same byte length as the original: take the original byte */
        char b = p < on ? orig[p] : (char)c;
        p++;
        const char *e = b == '<' ? "&lt;" : b == '>' ? "&gt;" : b == '&' ? "&amp;" : NULL;
        if (e) {
            memcpy(out + o, e, strlen(e));
            o += strlen(e);
        } else {
            out[o++] = b;
        }
    }
    out[o] = '\0';
    return out;
}

/* ---- columns -------------------------------------------------------------- */

json_t *col_json_text(sqlite3_stmt *st, int col)
{
    const unsigned char *s = sqlite3_column_text(st, col);
    if (!s)
        return json_null();
    /* Not checked here: the writer (textbuf.h) checks UTF-8 as it copies. */
    json_t *j = json_stringn_nocheck((const char *)s, (size_t)sqlite3_column_bytes(st, col));
    return j ? j : json_null();
}

char *col_strdup(sqlite3_stmt *st, int col)
{
    const unsigned char *s = sqlite3_column_text(st, col);
    return s ? strdup((const char *)s) : NULL;
}

char *like_escape(const char *pre, const char *s, const char *post)
{
    size_t n = strlen(s);
    char *out = malloc(strlen(pre) + 2 * n + strlen(post) + 1);
    if (!out)
        return NULL;
    char *o = out;
    o += strlen(strcpy(o, pre));
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%' || s[i] == '_' || s[i] == '\\')
            *o++ = '\\';
        *o++ = s[i];
    }
    strcpy(o, post);
    return out;
}

bool iso_date_ok(const char *s)
{
    size_t n = strlen(s);
    if (n < 4 || n > 35)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (i < 4 ? !(c >= '0' && c <= '9') : !strchr("0123456789-T:.+Z ", c))
            return false;
    }
    return true;
}

/* db_quotes.c — quotes: the list with its filters, its four orders and
 * keyset cursors (an offset for relevance), full-text search with
 * highlighting, and one quote with the article text around it. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "utf8.h"

json_t *quote_item(sqlite3_stmt *st, bool with_article)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(sqlite3_column_int64(st, 0)));
    json_object_set_new(o, "text", col_json_text(st, 1));
    json_object_set_new(o, "kind", col_json_text(st, 2));
    if (sqlite3_column_type(st, 3) == SQLITE_NULL)
        json_object_set_new(o, "speaker", json_null());
    else
        json_object_set_new(o, "speaker", json_pack("{s:I, s:o}", "id", (json_int_t)sqlite3_column_int64(st, 3),
                                                    "name", col_json_text(st, 4)));
    json_object_set_new(o, "cue", col_json_text(st, 5));
    json_object_set_new(o, "occurrences", json_integer(sqlite3_column_int64(st, 6)));
    json_object_set_new(o, "confidence", json_real(sqlite3_column_double(st, 7)));
    json_object_set_new(o, "start", json_integer(sqlite3_column_int64(st, 8)));
    json_object_set_new(o, "end", json_integer(sqlite3_column_int64(st, 9)));
    json_object_set_new(o, "lang", col_json_text(st, 10));
    if (with_article)
        json_object_set_new(o, "article", json_pack("{s:I, s:o, s:o, s:o}",
            "id", (json_int_t)sqlite3_column_int64(st, 11), "title", col_json_text(st, 12),
            "url", col_json_text(st, 13), "published_at", col_json_text(st, 14)));
    return o;
}

void quote_query_free(struct quote_query *qq)
{
    free(qq->fts);
    free(qq->name);
    free(qq->name_like);
    free(qq->key);
}

static bool one_of(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (strcmp(s, *set) == 0)
            return true;
    return false;
}

/* Filters that need the quote's article (a) or the quote row (q). */
static bool needs_article(const struct db_quote_filter *f)
{
    return f->lang || f->from || f->to;
}

static bool needs_quote(const struct db_quote_filter *f, const struct quote_query *qq)
{
    return needs_article(f) || f->speaker_id || qq->name || f->article_id || f->kind;
}

/* FROM and WHERE for f. `lean`: only the tables the filters need (never the
 * speaker `s`; the article `a` only for lang, from and to; with q, the quote
 * `q` only for a filter on it or when `with_quote`), for counts and for the
 * inner page of a full-text query; the quote's id is then
 * quotes_fts.rowid when q is given, q.id otherwise. Without `lean`, q, a and
 * s are always joined. */
static void from_where(struct sqlbuf *b, const struct db_quote_filter *f, struct quote_query *qq, bool lean,
                       bool with_quote, int *rc)
{
    bool need_a = !lean || needs_article(f);
    bool need_q = !lean || with_quote || needs_quote(f, qq);
    if (qq->fts) {
        sb_add(b, " FROM quotes_fts", rc);
        if (need_q)
            sb_add(b, " JOIN quotes q ON q.id = quotes_fts.rowid", rc);
    } else {
        sb_add(b, " FROM quotes q", rc);
    }
    if (need_a)
        sb_add(b, " JOIN articles a ON a.id = q.article_id", rc);
    if (!lean)
        sb_add(b, " LEFT JOIN actors s ON s.id = q.speaker_id", rc);
    if (qq->fts) {
        sb_add(b, " WHERE quotes_fts MATCH ", rc);
        sb_text(b, qq->fts, rc);
    } else {
        sb_add(b, " WHERE 1", rc);
    }
    if (f->speaker_id) {
        sb_add(b, " AND q.speaker_id = ", rc);
        sb_i64(b, f->speaker_id, rc);
    }
    if (qq->name) {
        sb_add(b, " AND q.speaker_id IN (SELECT id FROM actors WHERE name_folded = ", rc);
        sb_text(b, qq->name, rc);
        sb_add(b, " OR name_folded LIKE ", rc);
        sb_text(b, qq->name_like, rc);
        sb_add(b, " ESCAPE '\\' UNION SELECT actor_id FROM actor_aliases WHERE alias_folded = ", rc);
        sb_text(b, qq->name, rc);
        sb_add(b, ")", rc);
    }
    if (f->article_id) {
        sb_add(b, " AND q.article_id = ", rc);
        sb_i64(b, f->article_id, rc);
    }
    sb_article_dates(b, f->lang, f->from, f->to, rc);
    if (f->kind) {
        sb_add(b, " AND q.kind = ", rc);
        sb_text(b, f->kind, rc);
    }
}

void quotes_from_where(struct sqlbuf *b, const struct db_quote_filter *f, struct quote_query *qq, int *rc)
{
    from_where(b, f, qq, false, false, rc);
}

/* The id of the quote in a lean query (see from_where). */
static const char *lean_id(const struct quote_query *qq)
{
    return qq->fts ? "quotes_fts.rowid" : "q.id";
}

/* The number of quotes matching f: exact from `counts` when nothing
 * filters, else counted up to `cap` rows (0 = no cap); *capped is set when
 * more than `cap` match, and the result is then `cap`. */
static int64_t quotes_count(struct db *r, const struct db_quote_filter *f, struct quote_query *qq, int64_t cap,
                            bool *capped, int *rc)
{
    *capped = false;
    int64_t n = 0;
    struct sqlbuf b = {0};
    if (!qq->fts && !needs_quote(f, qq)) {
        sb_add(&b, "SELECT n FROM counts WHERE name = 'quotes'", rc);
        cap = 0; /* exact at no cost */
    } else if (cap > 0) {
        sb_add(&b, "SELECT count(*) FROM (SELECT 1", rc);
        from_where(&b, f, qq, true, false, rc);
        sb_add(&b, " LIMIT ", rc);
        sb_i64(&b, cap + 1, rc);
        sb_add(&b, ")", rc);
    } else {
        sb_add(&b, "SELECT count(*)", rc);
        from_where(&b, f, qq, true, false, rc);
    }
    n = sb_count(r, &b, rc);
    sb_free(&b);
    if (cap > 0 && n > cap) {
        n = cap;
        *capped = true;
    }
    return n;
}

#define DATE_KEY "q.date_key"

void quote_query_init(struct db *r, const struct db_quote_filter *f, struct quote_query *qq, int *rc)
{
    static const char *const kinds[] = {"direct", "partial", NULL};
    static const char *const langs[] = {"fr", "en", NULL};
    memset(qq, 0, sizeof *qq);
    if ((f->from && !iso_date_ok(f->from)) || (f->to && !iso_date_ok(f->to)) ||
        (f->kind && !one_of(f->kind, kinds)) || (f->lang && !one_of(f->lang, langs)) ||
        f->speaker_id < 0 || f->article_id < 0 || f->sort < QUOTES_BY_ID || f->sort > QUOTES_BY_RELEVANCE) {
        db_fail(r, rc, RC_EINVAL, "bad filter value");
        return;
    }
    if (f->q && !*rc) {
        qq->fts = fts_query(f->q);
        if (!qq->fts)
            db_fail(r, rc, SQLITE_NOMEM, "out of memory");
        else if (!*qq->fts)
            qq->empty = true; /* no word: nothing can match */
    }
    if (f->speaker_name && !*rc) {
        qq->name = utf8_fold(f->speaker_name, strlen(f->speaker_name));
        qq->name_like = qq->name ? like_escape("% ", qq->name, "") : NULL;
        if (!qq->name || !qq->name_like)
            db_fail(r, rc, SQLITE_NOMEM, "out of memory");
        else if (!*qq->name)
            qq->empty = true;
    }
}

enum db_status db_quotes_list(struct db *r, const struct db_quote_filter *f,
                              const struct db_page *p, struct db_list *out)
{
    static const struct db_quote_filter none = {0};
    int rc = 0;
    memset(out, 0, sizeof *out);
    r->err[0] = '\0';
    if (!f)
        f = &none;
    struct quote_query qq;
    quote_query_init(r, f, &qq, &rc);
    if (!rc && (!p || p->limit < 1 || p->limit > 100))
        db_fail(r, &rc, RC_EINVAL, "limit must be 1 to 100");
    if (rc) {
        quote_query_free(&qq);
        return db_status_of(r, rc);
    }
    enum db_quote_sort sort = f->sort;
    if (sort == QUOTES_BY_RELEVANCE && !qq.fts)
        sort = QUOTES_BY_ID;
    static const char *const tags[] = {"qi", "qd", "qa", "qr"};
    const char *tag = tags[sort];
    int64_t cid = 0;
    if (p->cursor &&
        (!cursor_parse(p->cursor, tag, &qq.key, &cid) || (sort == QUOTES_BY_RELEVANCE && cid < 0))) {
        quote_query_free(&qq);
        db_fail(r, &rc, RC_EINVAL, "bad cursor");
        return DB_EINVAL;
    }
    out->items = json_array();
    if (!out->items)
        rc = SQLITE_NOMEM;

    struct sqlbuf lst = {0};
    /* With q, by id: one query, the index walked newest first, so only the
     * page's rows are joined and highlighted. By relevance or date: page
     * inside the index first (the hits' ids and sort key only, with the
     * filters' joins), then read and highlight the page's rows. */
    bool paged = qq.fts && sort != QUOTES_BY_ID;
    if (paged) {
        sb_add(&lst, "SELECT " QUOTE_COLS ", " DATE_KEY ", highlight(quotes_fts, 0, char(1), char(2))"
                     " FROM (SELECT quotes_fts.rowid AS pid", &rc);
        if (sort == QUOTES_BY_RELEVANCE)
            sb_add(&lst, ", bm25(quotes_fts) AS pkey", &rc);
        else if (sort != QUOTES_BY_ID)
            sb_add(&lst, ", " DATE_KEY " AS pkey", &rc);
        from_where(&lst, f, &qq, true, sort == QUOTES_BY_DATE_DESC || sort == QUOTES_BY_DATE_ASC, &rc);
    } else {
        sb_add(&lst, "SELECT " QUOTE_COLS ", " DATE_KEY, &rc);
        if (qq.fts)
            sb_add(&lst, ", highlight(quotes_fts, 0, char(1), char(2))", &rc);
        quotes_from_where(&lst, f, &qq, &rc);
    }
    const char *id = qq.fts ? "quotes_fts.rowid" : "q.id";
    if (p->cursor && sort != QUOTES_BY_RELEVANCE) {
        if (sort == QUOTES_BY_ID) {
            sb_add(&lst, " AND ", &rc);
            sb_add(&lst, id, &rc);
            sb_add(&lst, " < ", &rc);
            sb_i64(&lst, cid, &rc);
        } else {
            /* a row value: SQLite walks quotes_date from the cursor on */
            sb_add(&lst, sort == QUOTES_BY_DATE_DESC ? " AND (" DATE_KEY ", q.id) < (" : " AND (" DATE_KEY ", q.id) > (", &rc);
            sb_text(&lst, qq.key, &rc);
            sb_add(&lst, ", ", &rc);
            sb_i64(&lst, cid, &rc);
            sb_add(&lst, ")", &rc);
        }
    }
    switch (sort) {
    case QUOTES_BY_ID: sb_add(&lst, qq.fts ? " ORDER BY quotes_fts.rowid DESC" : " ORDER BY q.id DESC", &rc); break;
    case QUOTES_BY_DATE_DESC: sb_add(&lst, " ORDER BY " DATE_KEY " DESC, q.id DESC", &rc); break;
    case QUOTES_BY_DATE_ASC: sb_add(&lst, " ORDER BY " DATE_KEY " ASC, q.id ASC", &rc); break;
    case QUOTES_BY_RELEVANCE: sb_add(&lst, " ORDER BY bm25(quotes_fts), quotes_fts.rowid DESC", &rc); break;
    }
    sb_add(&lst, " LIMIT ", &rc);
    sb_i64(&lst, p->limit + 1, &rc);
    if (sort == QUOTES_BY_RELEVANCE) {
        sb_add(&lst, " OFFSET ", &rc);
        sb_i64(&lst, p->cursor ? cid : 0, &rc);
    }
    if (paged) {
        sb_add(&lst, ") pg CROSS JOIN quotes q ON q.id = pg.pid JOIN articles a ON a.id = q.article_id"
                     " LEFT JOIN actors s ON s.id = q.speaker_id"
                     " JOIN quotes_fts ON quotes_fts.rowid = pg.pid WHERE quotes_fts MATCH ", &rc);
        sb_text(&lst, qq.fts, &rc);
        switch (sort) {
        case QUOTES_BY_ID: break; /* not paged */
        case QUOTES_BY_DATE_DESC: sb_add(&lst, " ORDER BY pg.pkey DESC, pg.pid DESC", &rc); break;
        case QUOTES_BY_DATE_ASC: sb_add(&lst, " ORDER BY pg.pkey ASC, pg.pid ASC", &rc); break;
        case QUOTES_BY_RELEVANCE: sb_add(&lst, " ORDER BY pg.pkey, pg.pid DESC", &rc); break;
        }
    }

    if (!qq.empty && !rc) {
        out->total = quotes_count(r, f, &qq, DB_QUOTES_COUNT_CAP, &out->total_is_lower_bound, &rc);
        sqlite3_stmt *st = db_stmt(r, lst.sql, &rc);
        sb_bind(r, st, &lst, &rc);
        int n = 0;
        int64_t last = 0;
        char *last_key = NULL;
        while (db_step(r, st, &rc)) {
            if (n == p->limit) {
                if (sort == QUOTES_BY_RELEVANCE)
                    out->next_cursor = cursor_make(tag, "", (p->cursor ? cid : 0) + n);
                else
                    out->next_cursor = cursor_make(tag, last_key ? last_key : "", last);
                if (!out->next_cursor)
                    rc = SQLITE_NOMEM;
                break;
            }
            json_t *item = quote_item(st, true);
            last = sqlite3_column_int64(st, 0);
            free(last_key);
            last_key = col_strdup(st, 15);
            if (qq.fts) {
                const char *hl = (const char *)sqlite3_column_text(st, 16);
                const char *orig = (const char *)sqlite3_column_text(st, 1);
                char *h = hl && orig ? highlight_restore(hl, orig) : NULL;
                json_object_set_new(item, "highlight", h ? json_string(h) : col_json_text(st, 1));
                free(h);
            }
            json_array_append_new(out->items, item);
            n++;
        }
        free(last_key);
        db_done(st);
    }
    quote_query_free(&qq);
    sb_free(&lst);
    if (rc)
        db_list_free(out);
    return db_status_of(r, rc);
}

/* Length of the longest prefix of s[0..n) that ends on a whole UTF-8
 * character; *skip is the number of continuation bytes at the start. */
static size_t utf8_trim(const unsigned char *s, size_t n, size_t *skip)
{
    size_t b = 0;
    while (b < n && b < 3 && (s[b] & 0xC0) == 0x80)
        b++;
    *skip = b;
    size_t e = n;
    /* walk back over at most 3 continuation bytes to the last lead byte */
    size_t k = e;
    while (k > b && e - k < 4 && (s[k - 1] & 0xC0) == 0x80)
        k--;
    if (k > b) {
        unsigned char lead = s[k - 1];
        size_t need = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
        if (e - (k - 1) < need)
            e = k - 1;
    }
    return e > b ? e - b : 0;
}

enum db_status db_quote_get(struct db *r, int64_t id, json_t **out)
{
    int rc = 0;
    *out = NULL;
    r->err[0] = '\0';
    json_t *o = NULL;
    sqlite3_stmt *st = db_stmt(r,
        "SELECT " QUOTE_COLS ", substr(CAST(a.text AS BLOB), max(q.start - 300, 0) + 1,"
        " q.\"end\" + 300 - max(q.start - 300, 0)) FROM" QUOTE_FROM " WHERE q.id = ?1", &rc);
    db_bind_i64(r, st, 1, id, &rc);
    if (db_step(r, st, &rc)) {
        o = quote_item(st, true);
        const unsigned char *ctx = sqlite3_column_blob(st, 15);
        size_t n = (size_t)sqlite3_column_bytes(st, 15), skip = 0;
        size_t len = ctx ? utf8_trim(ctx, n, &skip) : 0;
        json_t *c = ctx ? json_stringn_nocheck((const char *)ctx + skip, len) : NULL;
        json_object_set_new(o, "context", c ? c : json_string(""));
    } else if (!rc) {
        db_fail(r, &rc, RC_NOTFOUND, "no such quote");
    }
    db_done(st);
    if (rc) {
        json_decref(o);
        return db_status_of(r, rc);
    }
    *out = o;
    return DB_OK;
}

enum db_status db_quote_random(struct db *r, const struct db_quote_filter *f, json_t **out)
{
    static const struct db_quote_filter none = {0};
    int rc = 0;
    *out = NULL;
    r->err[0] = '\0';
    if (!f)
        f = &none;
    struct quote_query qq;
    quote_query_init(r, f, &qq, &rc);
    struct sqlbuf pick = {0};
    int64_t total = 0, id = 0;
    bool capped;
    if (!qq.empty && !rc)
        total = quotes_count(r, f, &qq, 0, &capped, &rc);
    if (total > 0 && !rc) {
        uint64_t rnd;
        sqlite3_randomness(sizeof rnd, &rnd);
        sb_add(&pick, "SELECT ", &rc);
        sb_add(&pick, lean_id(&qq), &rc);
        from_where(&pick, f, &qq, true, false, &rc);
        sb_add(&pick, " ORDER BY ", &rc);
        sb_add(&pick, lean_id(&qq), &rc);
        sb_add(&pick, " LIMIT 1 OFFSET ", &rc);
        sb_i64(&pick, (int64_t)(rnd % (uint64_t)total), &rc);
        sqlite3_stmt *st = db_stmt(r, pick.sql, &rc);
        sb_bind(r, st, &pick, &rc);
        if (db_step(r, st, &rc))
            id = sqlite3_column_int64(st, 0);
        db_done(st);
    }
    quote_query_free(&qq);
    sb_free(&pick);
    if (!rc && !id)
        db_fail(r, &rc, RC_NOTFOUND, "no quote matches");
    if (rc)
        return db_status_of(r, rc);
    return db_quote_get(r, id, out);
}

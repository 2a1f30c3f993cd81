/* db_articles.c — articles: insert with their extraction in one
 * transaction (dedupe by content hash or URL), delete with cascade and
 * pruning of orphan actors, the list with its filters and keyset cursor,
 * and one article with its quotes, actors and figures. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "utf8.h"

/* ---- insert --------------------------------------------------------------- */

/* The date key of an article's quotes and figures: its published_at as
 * stored, '' when it has none. */
static const char *date_key(const struct db_article_in *a)
{
    return a->published_at && *a->published_at ? a->published_at : "";
}

static void insert_quote(struct db *w, int64_t article, const struct quote *q, int64_t speaker,
                         const struct db_article_in *a, int *rc)
{
    const char *text = q->text;
    size_t tn = text ? strlen(text) : 0;
    if (!text && q->span.end <= a->len && q->span.start < q->span.end) {
        text = a->text + q->span.start;
        tn = q->span.end - q->span.start;
    }
    if (!text)
        text = "";
    char *folded = utf8_fold(text, tn);
    if (!folded) {
        db_fail(w, rc, SQLITE_NOMEM, "out of memory");
        return;
    }
    sqlite3_stmt *st = db_stmt(w,
        "INSERT INTO quotes (article_id, speaker_id, text, text_folded, kind, start, \"end\","
        " occurrences, cue, confidence, date_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", rc);
    db_bind_i64(w, st, 1, article, rc);
    if (speaker > 0)
        db_bind_i64(w, st, 2, speaker, rc);
    db_bind_textn_borrowed(w, st, 3, text, tn, rc);
    db_bind_text_borrowed(w, st, 4, folded, rc);
    db_bind_text_borrowed(w, st, 5, quote_kind_name(q->kind), rc);
    db_bind_i64(w, st, 6, (int64_t)q->span.start, rc);
    db_bind_i64(w, st, 7, (int64_t)q->span.end, rc);
    db_bind_i64(w, st, 8, q->occurrences > 0 ? q->occurrences : 1, rc);
    db_bind_text_borrowed(w, st, 9, q->cue, rc);
    db_bind_f64(w, st, 10, q->confidence, rc);
    db_bind_text_borrowed(w, st, 11, date_key(a), rc);
    db_step(w, st, rc);
    db_done(st);
    free(folded);
}

/* unit_folded is what quoted_fold(unit) gives in SQL. */
static void insert_figure(struct db *w, int64_t article, const struct figure *f, const struct db_article_in *a,
                          int *rc)
{
    const char *unit = f->unit ? f->unit : "";
    char *unit_folded = utf8_fold(unit, strlen(unit));
    if (!unit_folded) {
        db_fail(w, rc, SQLITE_NOMEM, "out of memory");
        return;
    }
    sqlite3_stmt *st = db_stmt(w,
        "INSERT INTO figures (article_id, value, unit, approx, text, start, \"end\", sentence,"
        " unit_folded, date_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", rc);
    db_bind_i64(w, st, 1, article, rc);
    db_bind_f64(w, st, 2, f->value, rc);
    db_bind_text_borrowed(w, st, 3, unit, rc);
    db_bind_i64(w, st, 4, f->approx, rc);
    db_bind_text_borrowed(w, st, 5, f->text ? f->text : "", rc);
    db_bind_i64(w, st, 6, (int64_t)f->span.start, rc);
    db_bind_i64(w, st, 7, (int64_t)f->span.end, rc);
    db_bind_text_borrowed(w, st, 8, f->sentence, rc);
    db_bind_text_borrowed(w, st, 9, unit_folded, rc);
    db_bind_text_borrowed(w, st, 10, date_key(a), rc);
    db_step(w, st, rc);
    db_done(st);
    free(unit_folded);
}

/* Add n to a counter column of actor `id` (what the insert triggers of
 * quotes and mentions did before migration 7). */
static void actor_count_add(struct db *w, const char *sql, int64_t id, int64_t n, int *rc)
{
    sqlite3_stmt *st = db_stmt(w, sql, rc);
    db_bind_i64(w, st, 1, id, rc);
    db_bind_i64(w, st, 2, n, rc);
    db_step(w, st, rc);
    db_done(st);
}

/* The article's mentions: one row per stored actor, with the counts of the
 * extracted actors that resolved to it (ids[i] for x->actors[i]) added up,
 * and each actor's n_mentions. */
static void insert_mentions(struct db *w, int64_t article, const struct extraction *x, const int64_t *ids,
                            int *rc)
{
    for (size_t i = 0; i < x->n_actors && !*rc; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = ids[j] == ids[i];
        if (seen)
            continue;
        int64_t count = 0;
        for (size_t j = i; j < x->n_actors; j++)
            if (ids[j] == ids[i])
                count += (int64_t)x->actors[j].n_mentions;
        sqlite3_stmt *st = db_stmt(w, "INSERT INTO mentions (article_id, actor_id, count) VALUES (?1, ?2, ?3)", rc);
        db_bind_i64(w, st, 1, article, rc);
        db_bind_i64(w, st, 2, ids[i], rc);
        db_bind_i64(w, st, 3, count, rc);
        db_step(w, st, rc);
        db_done(st);
        actor_count_add(w, "UPDATE actors SET n_mentions = n_mentions + ?2 WHERE id = ?1", ids[i], count, rc);
    }
}

/* The counters the article's quotes change: each speaker's n_quotes
 * (speakers[i] for x->quotes[i], 0 when none) and the total in `counts`. */
static void count_quotes(struct db *w, const struct extraction *x, const int64_t *speakers, int *rc)
{
    for (size_t i = 0; i < x->n_quotes && !*rc; i++) {
        bool seen = speakers[i] == 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = speakers[j] == speakers[i];
        if (seen)
            continue;
        int64_t n = 0;
        for (size_t j = i; j < x->n_quotes; j++)
            n += speakers[j] == speakers[i];
        actor_count_add(w, "UPDATE actors SET n_quotes = n_quotes + ?2 WHERE id = ?1", speakers[i], n, rc);
    }
    sqlite3_stmt *st = db_stmt(w, "UPDATE counts SET n = n + ?1 WHERE name = 'quotes'", rc);
    db_bind_i64(w, st, 1, (int64_t)x->n_quotes, rc);
    db_step(w, st, rc);
    db_done(st);
}

void fts_index_pending(struct db *w, int *rc)
{
    /* quoted_fts_text (db.c) writes what FTS_FOLD does, in one pass */
    static const char *const sql[] = {
        "INSERT INTO articles_fts(rowid, title, text) SELECT id, quoted_fts_text(coalesce(title, '')),"
        " quoted_fts_text(text) FROM articles WHERE id >= ?1",
        "INSERT INTO quotes_fts(rowid, text, speaker) SELECT q.id, quoted_fts_text(q.text),"
        " quoted_fts_text(coalesce(s.name, '')) FROM quotes q LEFT JOIN actors s ON s.id = q.speaker_id"
        " WHERE q.article_id >= ?1",
        "INSERT INTO figures_fts(rowid, text, sentence) SELECT id, quoted_fts_text(text),"
        " quoted_fts_text(coalesce(sentence, '')) FROM figures WHERE article_id >= ?1",
    };
    if (*rc || !w->fts_from)
        return;
    /* with no transaction open (it was rolled back) nothing is pending */
    for (size_t i = 0; i < sizeof sql / sizeof sql[0] && !sqlite3_get_autocommit(w->h); i++) {
        sqlite3_stmt *st = db_stmt(w, sql[i], rc);
        db_bind_i64(w, st, 1, w->fts_from, rc);
        db_step(w, st, rc);
        db_done(st);
    }
    if (!*rc)
        w->fts_from = 0;
}

/* The id of an article with the same content hash or URL, or 0. */
static int64_t find_duplicate(struct db *w, const char *hash, const char *url, int *rc)
{
    int64_t id = 0;
    sqlite3_stmt *st = db_stmt(w, "SELECT id FROM articles WHERE content_hash = ?1"
                                  " UNION ALL SELECT id FROM articles WHERE url = ?2 LIMIT 1", rc);
    db_bind_text(w, st, 1, hash, rc);
    db_bind_text(w, st, 2, url, rc);
    if (db_step(w, st, rc))
        id = sqlite3_column_int64(st, 0);
    db_done(st);
    return id;
}

enum db_status db_article_insert(struct db *w, const struct db_article_in *a,
                                 const struct extraction *x, int64_t *id, bool *existed)
{
    int rc = 0;
    *id = 0;
    *existed = false;
    w->err[0] = '\0';
    if (w->mode != DB_WRITE) {
        db_fail(w, &rc, SQLITE_READONLY, "read-only connection");
        return DB_ERROR;
    }
    if (!a->text || !a->lang || !utf8_valid(a->text, a->len) || memchr(a->text, '\0', a->len)) {
        db_fail(w, &rc, RC_EINVAL, "text must be UTF-8 without NUL bytes, and lang given");
        return DB_EINVAL;
    }
    const char *url = a->url && *a->url ? a->url : NULL;
    char own[65];
    const char *hash = a->content_hash;
    if (!hash) {
        db_content_hash(a->text, a->len, own);
        hash = own;
    } else if (strlen(hash) != 64) {
        db_fail(w, &rc, RC_EINVAL, "content_hash must be 64 hexadecimal digits");
        return DB_EINVAL;
    }

    /* the stored actor of each extracted actor, then the speaker of each quote */
    size_t n_ids = x ? x->n_actors + x->n_quotes : 0;
    int64_t *actor_ids = n_ids ? calloc(n_ids, sizeof *actor_ids) : NULL;
    if (n_ids && !actor_ids) {
        db_fail(w, &rc, SQLITE_NOMEM, "out of memory");
        return DB_ERROR;
    }
    tx_begin(w, &rc);
    int64_t dup = find_duplicate(w, hash, url, &rc);
    if (!rc && dup) {
        *id = dup;
        *existed = true;
        tx_end(w, &rc);
        free(actor_ids);
        return db_status_of(w, rc);
    }

    sqlite3_stmt *st = db_stmt(w,
        "INSERT INTO articles (url, title, lang, published_at, source, text, content_hash)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &rc);
    db_bind_text_borrowed(w, st, 1, url, &rc);
    db_bind_text_borrowed(w, st, 2, a->title, &rc);
    db_bind_text_borrowed(w, st, 3, a->lang, &rc);
    db_bind_text_borrowed(w, st, 4, a->published_at && *a->published_at ? a->published_at : NULL, &rc);
    db_bind_text_borrowed(w, st, 5, a->source, &rc);
    db_bind_textn_borrowed(w, st, 6, a->text, a->len, &rc);
    db_bind_text_borrowed(w, st, 7, hash, &rc);
    db_step(w, st, &rc);
    db_done(st);
    int64_t article = rc ? 0 : sqlite3_last_insert_rowid(w->h);
    /* new ids are above every stored one, so "from the lowest id written"
     * is exactly the articles not yet indexed (deletes index first) */
    if (!rc && (!w->fts_from || article < w->fts_from))
        w->fts_from = article;

    if (x) {
        for (size_t i = 0; i < x->n_actors && !rc; i++)
            actor_ids[i] = actor_resolve(w, &x->actors[i], &rc);
        insert_mentions(w, article, x, actor_ids, &rc);
        int64_t *speakers = actor_ids + x->n_actors;
        for (size_t i = 0; i < x->n_quotes && !rc; i++) {
            const struct quote *q = &x->quotes[i];
            speakers[i] = q->speaker >= 0 && (size_t)q->speaker < x->n_actors ? actor_ids[q->speaker] : 0;
            insert_quote(w, article, q, speakers[i], a, &rc);
        }
        if (x->n_quotes)
            count_quotes(w, x, speakers, &rc);
        for (size_t i = 0; i < x->n_figures && !rc; i++)
            insert_figure(w, article, &x->figures[i], a, &rc);
    }
    free(actor_ids);

    tx_end(w, &rc);
    if (rc)
        return db_status_of(w, rc);
    *id = article;
    return DB_OK;
}

/* ---- delete --------------------------------------------------------------- */

enum db_status db_article_delete(struct db *w, int64_t id)
{
    int rc = 0;
    w->err[0] = '\0';
    int64_t *ids = NULL;
    size_t n = 0, cap = 0;
    /* the full-text delete triggers need the batch's articles indexed */
    if (w->batch)
        fts_index_pending(w, &rc);
    tx_begin(w, &rc);
    sqlite3_stmt *st = db_stmt(w, "SELECT 1 FROM articles WHERE id = ?1", &rc);
    db_bind_i64(w, st, 1, id, &rc);
    bool found = db_step(w, st, &rc);
    db_done(st);
    if (!rc && !found)
        db_fail(w, &rc, RC_NOTFOUND, "no such article");

    /* the actors this article touches: candidates for pruning afterwards */
    st = db_stmt(w, "SELECT actor_id FROM mentions WHERE article_id = ?1 UNION"
                    " SELECT speaker_id FROM quotes WHERE article_id = ?1 AND speaker_id IS NOT NULL", &rc);
    db_bind_i64(w, st, 1, id, &rc);
    while (db_step(w, st, &rc)) {
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 32;
            int64_t *p = realloc(ids, nc * sizeof *p);
            if (!p) {
                db_fail(w, &rc, SQLITE_NOMEM, "out of memory");
                break;
            }
            ids = p;
            cap = nc;
        }
        ids[n++] = sqlite3_column_int64(st, 0);
    }
    db_done(st);

    st = db_stmt(w, "DELETE FROM articles WHERE id = ?1", &rc);
    db_bind_i64(w, st, 1, id, &rc);
    db_step(w, st, &rc);
    db_done(st);
    actors_prune(w, ids, n, &rc);
    free(ids);
    tx_end(w, &rc);
    return db_status_of(w, rc);
}

/* ---- list ----------------------------------------------------------------- */

#define ARTICLE_COLS                                                                 \
    "a.id, a.url, a.title, a.lang, a.published_at, a.source, a.ingested_at,"          \
    " (SELECT count(*) FROM quotes WHERE article_id = a.id),"                          \
    " (SELECT count(*) FROM mentions WHERE article_id = a.id),"                        \
    " (SELECT count(*) FROM figures WHERE article_id = a.id)"

static json_t *article_item(sqlite3_stmt *st)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_integer(sqlite3_column_int64(st, 0)));
    json_object_set_new(o, "url", col_json_text(st, 1));
    json_object_set_new(o, "title", col_json_text(st, 2));
    json_object_set_new(o, "lang", col_json_text(st, 3));
    json_object_set_new(o, "published_at", col_json_text(st, 4));
    json_object_set_new(o, "source", col_json_text(st, 5));
    json_object_set_new(o, "ingested_at", col_json_text(st, 6));
    json_object_set_new(o, "counts", json_pack("{s:I, s:I, s:I}",
        "quotes", (json_int_t)sqlite3_column_int64(st, 7),
        "actors", (json_int_t)sqlite3_column_int64(st, 8),
        "figures", (json_int_t)sqlite3_column_int64(st, 9)));
    return o;
}

/* Append the WHERE clause for `f` to b; `fq` is the FTS query built from
 * f->q (borrowed: it must outlive the statement's use). */
static void articles_where(struct sqlbuf *b, const struct db_article_filter *f, const char *fq, int *rc)
{
    sb_add(b, " WHERE 1", rc);
    sb_article_dates(b, f->lang, f->from, f->to, rc);
    if (f->source) {
        sb_add(b, " AND a.source = ", rc);
        sb_text(b, f->source, rc);
    }
    if (fq) {
        sb_add(b, " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ", rc);
        sb_text(b, fq, rc);
        sb_add(b, ")", rc);
    }
}

static bool page_ok(const struct db_page *p)
{
    return p && p->limit >= 1 && p->limit <= 100;
}

enum db_status db_articles_list(struct db *r, const struct db_article_filter *f,
                                const struct db_page *p, struct db_list *out)
{
    static const struct db_article_filter none = {0};
    int rc = 0;
    memset(out, 0, sizeof *out);
    r->err[0] = '\0';
    if (!f)
        f = &none;
    if (!page_ok(p) || (f->from && !iso_date_ok(f->from)) || (f->to && !iso_date_ok(f->to)) ||
        (f->lang && strcmp(f->lang, "fr") && strcmp(f->lang, "en"))) {
        db_fail(r, &rc, RC_EINVAL, "bad limit, date or lang");
        return DB_EINVAL;
    }
    int64_t after = 0;
    if (p->cursor) {
        char *key = NULL;
        bool ok = cursor_parse(p->cursor, "a", &key, &after);
        free(key);
        if (!ok) {
            db_fail(r, &rc, RC_EINVAL, "bad cursor");
            return DB_EINVAL;
        }
    }
    out->items = json_array();
    if (!out->items)
        return DB_ERROR;

    /* a full-text query with no word in it matches nothing */
    char *fq = f->q ? fts_query(f->q) : NULL;
    if (f->q && !fq)
        rc = SQLITE_NOMEM;
    bool empty = fq && !*fq;
    struct sqlbuf cnt = {0}, lst = {0};
    sb_add(&cnt, "SELECT count(*) FROM articles a", &rc);
    articles_where(&cnt, f, fq, &rc);
    sb_add(&lst, "SELECT " ARTICLE_COLS " FROM articles a", &rc);
    articles_where(&lst, f, fq, &rc);
    if (p->cursor) {
        sb_add(&lst, " AND a.id < ", &rc);
        sb_i64(&lst, after, &rc);
    }
    sb_add(&lst, " ORDER BY a.id DESC LIMIT ", &rc);
    sb_i64(&lst, p->limit + 1, &rc);

    if (!empty && !rc) {
        out->total = sb_count(r, &cnt, &rc);

        sqlite3_stmt *st = db_stmt(r, lst.sql, &rc);
        sb_bind(r, st, &lst, &rc);
        int n = 0;
        int64_t last = 0;
        while (db_step(r, st, &rc)) {
            if (n == p->limit) {
                out->next_cursor = cursor_make("a", "", last);
                if (!out->next_cursor)
                    rc = SQLITE_NOMEM;
                break;
            }
            last = sqlite3_column_int64(st, 0);
            json_array_append_new(out->items, article_item(st));
            n++;
        }
        db_done(st);
    }
    free(fq);
    sb_free(&cnt);
    sb_free(&lst);
    if (rc)
        db_list_free(out);
    return db_status_of(r, rc);
}

/* ---- one article ------------------------------------------------------------ */

enum db_status db_article_get(struct db *r, int64_t id, json_t **out)
{
    int rc = 0;
    *out = NULL;
    r->err[0] = '\0';
    json_t *o = NULL;
    sqlite3_stmt *st = db_stmt(r, "SELECT " ARTICLE_COLS ", a.text FROM articles a WHERE a.id = ?1", &rc);
    db_bind_i64(r, st, 1, id, &rc);
    if (db_step(r, st, &rc)) {
        o = article_item(st);
        json_object_set_new(o, "text", col_json_text(st, 10));
    } else if (!rc) {
        db_fail(r, &rc, RC_NOTFOUND, "no such article");
    }
    db_done(st);
    if (rc)
        return db_status_of(r, rc);

    json_t *quotes = json_array();
    st = db_stmt(r, "SELECT " QUOTE_COLS " FROM" QUOTE_FROM " WHERE q.article_id = ?1 ORDER BY q.start, q.id", &rc);
    db_bind_i64(r, st, 1, id, &rc);
    while (db_step(r, st, &rc))
        json_array_append_new(quotes, quote_item(st, false));
    db_done(st);
    json_object_set_new(o, "quotes", quotes);

    json_t *actors = json_array();
    st = db_stmt(r, "SELECT ac.id, ac.name, ac.type, m.count FROM mentions m JOIN actors ac ON ac.id = m.actor_id"
                    " WHERE m.article_id = ?1 ORDER BY m.count DESC, ac.id", &rc);
    db_bind_i64(r, st, 1, id, &rc);
    while (db_step(r, st, &rc)) {
        int64_t aid = sqlite3_column_int64(st, 0);
        json_t *a = json_object();
        json_object_set_new(a, "id", json_integer(aid));
        json_object_set_new(a, "name", col_json_text(st, 1));
        json_object_set_new(a, "type", col_json_text(st, 2));
        json_object_set_new(a, "aliases", actor_aliases_json(r, aid, &rc));
        json_object_set_new(a, "mentions", json_integer(sqlite3_column_int64(st, 3)));
        json_array_append_new(actors, a);
    }
    db_done(st);
    json_object_set_new(o, "actors", actors);

    json_t *figures = json_array();
    st = db_stmt(r, "SELECT id, text, value, unit, approx, start, \"end\", sentence FROM figures"
                    " WHERE article_id = ?1 ORDER BY start, id", &rc);
    db_bind_i64(r, st, 1, id, &rc);
    while (db_step(r, st, &rc)) {
        json_t *fg = json_object();
        json_object_set_new(fg, "id", json_integer(sqlite3_column_int64(st, 0)));
        json_object_set_new(fg, "text", col_json_text(st, 1));
        json_object_set_new(fg, "value", json_real(sqlite3_column_double(st, 2)));
        json_object_set_new(fg, "unit", col_json_text(st, 3));
        json_object_set_new(fg, "approx", json_boolean(sqlite3_column_int(st, 4)));
        json_object_set_new(fg, "start", json_integer(sqlite3_column_int64(st, 5)));
        json_object_set_new(fg, "end", json_integer(sqlite3_column_int64(st, 6)));
        json_object_set_new(fg, "sentence", col_json_text(st, 7));
        json_array_append_new(figures, fg);
    }
    db_done(st);
    json_object_set_new(o, "figures", figures);

    if (rc) {
        json_decref(o);
        return db_status_of(r, rc);
    }
    *out = o;
    return DB_OK;
}

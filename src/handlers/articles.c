/* articles.c — the articles resource: ingest (one article as JSON or plain
 * text, or many as NDJSON), list, fetch with everything extracted, delete.
 *
 * Ingest runs the extractor and hashes the text outside the write lock,
 * then stores the article and its extraction in one transaction; the reply is sent only after the
 * commit, so an acknowledged article is on disk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "article_input.h"
#include "common.h"
#include "handlers.h"

/* Extract and store one article. Returns the db status; on DB_OK *id and
 * *existed are set. A bad language can only come from `f`, checked before. */
static enum db_status ingest(const struct request *req, const struct article_fields *f, int64_t *id,
                             bool *existed, enum extract_status *xst)
{
    struct article_input in = {.text = f->text, .len = f->len, .lang = f->lang, .title = f->title,
                               .date = f->date};
    struct extraction x;
    *xst = extract_article(&in, &x);
    if (*xst != EXTRACT_OK)
        return DB_EINVAL;
    char hash[65];
    db_content_hash(f->text, f->len, hash);
    struct db_article_in a = {.url = f->url, .title = f->title, .lang = extract_lang_name(x.lang),
                              .published_at = f->date, .source = f->source, .text = f->text, .len = f->len,
                              .content_hash = hash};
    struct db *w = app_writer_lock(req->app);
    enum db_status st = db_article_insert(w, &a, &x, id, existed);
    if (st == DB_ERROR)
        fprintf(stderr, "quoted: storing an article failed: %s\n", db_errmsg(w));
    app_writer_unlock(req->app);
    extraction_free(&x);
    if (st == DB_OK && !*existed)
        atomic_fetch_add(&req->app->metrics.articles_inserted, 1);
    return st;
}

/* Articles of an NDJSON body stored per transaction: one flush of the disk
 * per chunk instead of one per article. The write lock is held while a
 * chunk is stored, not while it is parsed and extracted. */
#define NDJSON_CHUNK 200

/* One parsed and extracted line of an NDJSON body, waiting to be stored. */
struct pending_article {
    json_t *obj;                 /* owns the strings f borrows */
    struct article_fields f;
    struct extraction x;
    char hash[65];               /* db_content_hash of the text */
    int line;
    bool ok, existed;            /* stored (maybe as a duplicate) in the open batch */
};

struct ndjson_result {
    int inserted, duplicates;
    json_t *failed;              /* [{line, problem, ...}] in line order at the end */
};

/* Store chunk[0..n) in one batch, count what was stored into res, then free
 * the entries. Returns only after the commit: what it counts is on disk.
 * When the commit fails, every article of the chunk is reported failed. */
static void store_chunk(const struct request *req, struct pending_article *chunk, size_t n, struct ndjson_result *res)
{
    if (!n)
        return;
    struct db *w = app_writer_lock(req->app);
    /* without a batch each article still commits alone */
    bool batch = db_batch_begin(w) == DB_OK;
    for (size_t i = 0; i < n; i++) {
        struct pending_article *c = &chunk[i];
        struct db_article_in a = {.url = c->f.url, .title = c->f.title, .lang = extract_lang_name(c->x.lang),
                                  .published_at = c->f.date, .source = c->f.source, .text = c->f.text,
                                  .len = c->f.len, .content_hash = c->hash};
        int64_t id;
        enum db_status st = db_article_insert(w, &a, &c->x, &id, &c->existed);
        c->ok = st == DB_OK;
        if (st == DB_ERROR)
            fprintf(stderr, "quoted: storing an article failed: %s\n", db_errmsg(w));
    }
    bool committed = !batch || db_batch_commit(w) == DB_OK;
    if (!committed)
        fprintf(stderr, "quoted: committing %zu articles failed: %s\n", n, db_errmsg(w));
    app_writer_unlock(req->app);
    int stored = 0;
    for (size_t i = 0; i < n; i++) {
        struct pending_article *c = &chunk[i];
        if (c->ok && committed)
            c->existed ? res->duplicates++ : stored++;
        else
            json_array_append_new(res->failed, json_pack("{s:i, s:s}", "line", c->line, "problem",
                                                         "the database failed to store it"));
        extraction_free(&c->x);
        json_decref(c->obj);
    }
    res->inserted += stored;
    atomic_fetch_add(&req->app->metrics.articles_inserted, (unsigned long long)stored);
}

static int by_line(const void *a, const void *b)
{
    json_int_t la = json_integer_value(json_object_get(*(json_t *const *)a, "line"));
    json_int_t lb = json_integer_value(json_object_get(*(json_t *const *)b, "line"));
    return (la > lb) - (la < lb);
}

/* The failures of res in line order, as a new array (res->failed is
 * released). */
static json_t *failed_in_order(json_t *failed)
{
    size_t n = json_array_size(failed);
    json_t **v = n ? malloc(n * sizeof *v) : NULL;
    if (!v)
        return failed;
    for (size_t i = 0; i < n; i++)
        v[i] = json_array_get(failed, i);
    qsort(v, n, sizeof *v, by_line);
    json_t *out = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append(out, v[i]);
    free(v);
    json_decref(failed);
    return out;
}

/* POST /articles with application/x-ndjson: one article per line, stored in
 * chunks of NDJSON_CHUNK per transaction; the reply is sent after the last
 * commit. */
static void articles_post_ndjson(const struct request *req, struct reply *rep)
{
    struct ndjson_result res = {.failed = json_array()};
    struct pending_article *chunk = calloc(NDJSON_CHUNK, sizeof *chunk);
    if (!chunk || !res.failed) {
        free(chunk);
        json_decref(res.failed);
        reply_problem(rep, 500, "out of memory");
        return;
    }
    size_t nchunk = 0;
    int line_no = 0;
    const char *p = req->body ? req->body : "", *end = p + req->body_len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        line_no++;
        size_t n = (size_t)(le - p);
        const char *line = p;
        p = nl ? nl + 1 : end;
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
        if (n == 0)
            continue;
        json_error_t jerr;
        json_t *obj = json_loadb(line, n, 0, &jerr);
        if (!obj) {
            json_array_append_new(res.failed, json_pack("{s:i, s:s+}", "line", line_no, "problem",
                                                        "invalid JSON: ", jerr.text));
            continue;
        }
        struct pending_article *c = &chunk[nchunk];
        struct problems probs = {0};
        if (!article_from_json(obj, true, &c->f, &probs)) {
            json_t *e = json_array_get(probs.errors, 0);
            char msg[600];
            snprintf(msg, sizeof msg, "%s %s", json_string_value(json_object_get(e, "param")),
                     json_string_value(json_object_get(e, "reason")));
            json_array_append_new(res.failed, json_pack("{s:i, s:s, s:O}", "line", line_no, "problem", msg,
                                                        "errors", probs.errors));
            json_decref(probs.errors);
            json_decref(obj);
            continue;
        }
        struct article_input in = {.text = c->f.text, .len = c->f.len, .lang = c->f.lang, .title = c->f.title,
                                   .date = c->f.date};
        enum extract_status xst = extract_article(&in, &c->x);
        if (xst != EXTRACT_OK) {
            json_array_append_new(res.failed, json_pack("{s:i, s:s}", "line", line_no, "problem",
                                                        extract_strerror(xst)));
            json_decref(obj);
            continue;
        }
        db_content_hash(c->f.text, c->f.len, c->hash);
        c->obj = obj;
        c->line = line_no;
        if (++nchunk == NDJSON_CHUNK) {
            store_chunk(req, chunk, nchunk, &res);
            nchunk = 0;
        }
    }
    store_chunk(req, chunk, nchunk, &res);
    free(chunk);
    reply_json(rep, 200, json_pack("{s:i, s:i, s:o}", "inserted", res.inserted, "duplicates", res.duplicates,
                                   "failed", failed_in_order(res.failed)));
}

void articles_post(const struct request *req, struct reply *rep)
{
    const char *ct = req->content_type;
    if (ct && (strcmp(ct, "application/x-ndjson") == 0 || strcmp(ct, "application/ndjson") == 0)) {
        articles_post_ndjson(req, rep);
        return;
    }
    struct article_fields f;
    struct problems probs = {0};
    json_t *obj = NULL;
    if (ct && strcmp(ct, "application/json") == 0)
        for (size_t i = 0; i < req->n_params; i++)
            problems_add(&probs, req->params[i].key, "goes in the JSON body, not the query string");
    if (!article_from_body(req, rep, &f, &obj, &probs)) {
        json_decref(probs.errors);
        return;
    }
    if (problems_reply(&probs, rep, NULL)) {
        json_decref(obj);
        return;
    }
    int64_t id = 0;
    bool existed = false;
    enum extract_status xst;
    enum db_status st = ingest(req, &f, &id, &existed, &xst);
    json_decref(obj);
    if (xst != EXTRACT_OK) {
        reply_problem(rep, xst == EXTRACT_ENOMEM ? 500 : 400, "%s", extract_strerror(xst));
        return;
    }
    if (st != DB_OK) {
        reply_db_status(rep, req->app->writer, st, "article");
        return;
    }
    json_t *article = NULL;
    st = db_article_get(req->db, id, &article);
    if (st != DB_OK) {
        reply_db_status(rep, req->db, st, "article");
        return;
    }
    reply_json(rep, existed ? 200 : 201, article);
    char loc[48];
    snprintf(loc, sizeof loc, "/articles/%lld", (long long)id);
    rep->location = strdup(loc);
}

void articles_list(const struct request *req, struct reply *rep)
{
    static const char *const langs[] = {"fr", "en", NULL};
    struct problems probs = {0};
    struct db_page page;
    struct db_article_filter f = {0};
    page_params(req, &page, &probs);
    param_enum(req, "lang", langs, &f.lang, &probs);
    param_date(req, "from", &f.from, &probs);
    param_date(req, "to", &f.to, &probs);
    f.source = req_param(req, "source");
    f.q = req_param(req, "q");
    if (f.q && !*f.q)
        problems_add(&probs, "q", "must not be empty");
    if (problems_reply(&probs, rep, NULL))
        return;
    struct db_list list = {0};
    enum db_status st = db_articles_list(req->db, &f, &page, &list);
    reply_db_list(req, rep, st, &list, page.limit, "article");
}

void articles_get(const struct request *req, struct reply *rep)
{
    reply_item(req, rep, db_article_get, "article");
}

void articles_delete(const struct request *req, struct reply *rep)
{
    int64_t id;
    if (!path_id(req, &id)) {
        reply_bad_id(req, rep, "article");
        return;
    }
    struct db *w = app_writer_lock(req->app);
    enum db_status st = db_article_delete(w, id);
    if (st != DB_OK)
        reply_db_status(rep, w, st, "article");
    app_writer_unlock(req->app);
    if (st == DB_OK)
        reply_raw(rep, 204, NULL, NULL, 0);
}

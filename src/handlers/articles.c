/* articles.c — the articles resource: ingest (one article as JSON or plain
 * text, or many as NDJSON), list, fetch with everything extracted, delete.
 *
 * Ingest runs the extractor outside the write lock, then stores the article
 * and its extraction in one transaction; the reply is sent only after the
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
    struct db_article_in a = {.url = f->url, .title = f->title, .lang = extract_lang_name(x.lang),
                              .published_at = f->date, .source = f->source, .text = f->text, .len = f->len};
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

/* POST /articles with application/x-ndjson: one article per line. */
static void articles_post_ndjson(const struct request *req, struct reply *rep)
{
    json_t *failed = json_array();
    int inserted = 0, duplicates = 0, line_no = 0;
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
            json_array_append_new(failed, json_pack("{s:i, s:s+}", "line", line_no, "problem",
                                                    "invalid JSON: ", jerr.text));
            continue;
        }
        struct article_fields f;
        struct problems probs = {0};
        if (!article_from_json(obj, true, &f, &probs)) {
            json_t *e = json_array_get(probs.errors, 0);
            char msg[600];
            snprintf(msg, sizeof msg, "%s %s", json_string_value(json_object_get(e, "param")),
                     json_string_value(json_object_get(e, "reason")));
            json_array_append_new(failed, json_pack("{s:i, s:s, s:O}", "line", line_no, "problem", msg,
                                                    "errors", probs.errors));
            json_decref(probs.errors);
            json_decref(obj);
            continue;
        }
        int64_t id;
        bool existed = false;
        enum extract_status xst;
        enum db_status st = ingest(req, &f, &id, &existed, &xst);
        if (st == DB_OK)
            existed ? duplicates++ : inserted++;
        else
            json_array_append_new(failed, json_pack("{s:i, s:s}", "line", line_no, "problem",
                                                    xst != EXTRACT_OK ? extract_strerror(xst)
                                                                      : "the database failed to store it"));
        json_decref(obj);
    }
    reply_json(rep, 200, json_pack("{s:i, s:i, s:o}", "inserted", inserted, "duplicates", duplicates,
                                   "failed", failed));
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
    if (ct && strcmp(ct, "application/json") == 0) {
        json_error_t jerr;
        obj = json_loadb(req->body ? req->body : "", req->body_len, 0, &jerr);
        if (!obj) {
            reply_problem(rep, 400, "the body is not valid JSON (line %d, column %d): %s", jerr.line,
                          jerr.column, jerr.text);
            return;
        }
        for (size_t i = 0; i < req->n_params; i++)
            problems_add(&probs, req->params[i].key, "goes in the JSON body, not the query string");
        article_from_json(obj, true, &f, &probs);
    } else {
        article_from_text(req, &f, &probs);
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
    if (st != DB_OK) {
        reply_db_status(rep, req->db, st, "article");
        return;
    }
    reply_list(req, rep, &list, page.limit);
}

void articles_get(const struct request *req, struct reply *rep)
{
    int64_t id;
    if (!path_id(req, &id)) {
        reply_bad_id(req, rep, "article");
        return;
    }
    json_t *article = NULL;
    enum db_status st = db_article_get(req->db, id, &article);
    if (st != DB_OK) {
        reply_db_status(rep, req->db, st, "article");
        return;
    }
    reply_json(rep, 200, article);
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

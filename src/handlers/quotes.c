/* quotes.c — the quotes resource: search and list (filters, full text,
 * sorts), one quote with its context, a random one. */
#include <string.h>

#include "common.h"
#include "handlers.h"

/* Read the filters shared by /quotes, /quotes/random and
 * /actors/{id}/quotes into f. */
static void quote_filters(const struct request *req, struct db_quote_filter *f, struct problems *p)
{
    static const char *const langs[] = {"fr", "en", NULL};
    static const char *const kinds[] = {"direct", "partial", NULL};
    static const char *const sorts[] = {"-date", "date", "relevance", "-id", NULL};
    speaker_param(req, &f->speaker_id, &f->speaker_name, p);
    param_int(req, "article", 1, INT64_MAX, &f->article_id, p);
    param_enum(req, "lang", langs, &f->lang, p);
    param_enum(req, "kind", kinds, &f->kind, p);
    param_date(req, "from", &f->from, p);
    param_date(req, "to", &f->to, p);
    search_param(req, &f->q, p);
    const char *sort = NULL;
    if (param_enum(req, "sort", sorts, &sort, p) && sort) {
        if (!strcmp(sort, "-date"))
            f->sort = QUOTES_BY_DATE_DESC;
        else if (!strcmp(sort, "date"))
            f->sort = QUOTES_BY_DATE_ASC;
        else if (!strcmp(sort, "-id"))
            f->sort = QUOTES_BY_ID;
        else if (!f->q)
            problems_add(p, "sort", "relevance needs a full-text query q");
        else
            f->sort = QUOTES_BY_RELEVANCE;
    } else {
        /* newest first, with or without q: relevance ranks every hit, so it
         * is asked for (sort=relevance) rather than paid on every search */
        f->sort = QUOTES_BY_ID;
    }
}

/* List quotes under the request's filters; speaker_id (if not 0) comes
 * from the path and overrides them. */
static void list_with(const struct request *req, struct reply *rep, int64_t speaker_id)
{
    struct db_quote_filter f = {0};
    struct problems probs = {0};
    struct db_page page;
    page_params(req, &page, &probs);
    quote_filters(req, &f, &probs);
    if (problems_reply(&probs, rep, NULL))
        return;
    if (speaker_id)
        f.speaker_id = speaker_id;
    struct db_list list = {0};
    enum db_status st = db_quotes_list(req->db, &f, &page, &list);
    reply_db_list(req, rep, st, &list, page.limit, "quote");
}

void quotes_list(const struct request *req, struct reply *rep)
{
    list_with(req, rep, 0);
}

void actors_quotes(const struct request *req, struct reply *rep)
{
    int64_t id;
    if (!path_id(req, &id)) {
        reply_bad_id(req, rep, "actor");
        return;
    }
    json_t *actor = NULL;
    enum db_status st = db_actor_get(req->db, id, &actor);
    if (st != DB_OK) {
        reply_db_status(rep, req->db, st, "actor");
        return;
    }
    json_decref(actor);
    list_with(req, rep, id);
}

void quotes_get(const struct request *req, struct reply *rep)
{
    reply_item(req, rep, db_quote_get, "quote");
}

void quotes_random(const struct request *req, struct reply *rep)
{
    struct db_quote_filter f = {0};
    struct problems probs = {0};
    quote_filters(req, &f, &probs);
    if (problems_reply(&probs, rep, NULL))
        return;
    json_t *q = NULL;
    enum db_status st = db_quote_random(req->db, &f, &q);
    if (st == DB_NOTFOUND) {
        reply_problem(rep, 404, "no quote matches these filters");
        return;
    }
    if (st != DB_OK) {
        reply_db_status(rep, req->db, st, "quote");
        return;
    }
    reply_json(rep, 200, q);
}

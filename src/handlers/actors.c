/* actors.c — the actors resource: people, organisations and places across
 * all articles, one row per real-world actor; speakers are the actors who
 * are quoted. (Their quotes are listed by quotes.c.) */
#include "common.h"
#include "handlers.h"

static void list_actors(const struct request *req, struct reply *rep, bool quoted_only)
{
    static const char *const types[] = {"person", "organization", "place", NULL};
    struct problems probs = {0};
    struct db_page page;
    struct db_actor_filter f = {.quoted_only = quoted_only};
    page_params(req, &page, &probs);
    param_enum(req, "type", types, &f.type, &probs);
    f.q = req_param(req, "q");
    if (f.q && !*f.q)
        problems_add(&probs, "q", "must not be empty");
    if (problems_reply(&probs, rep, NULL))
        return;
    struct db_list list = {0};
    enum db_status st = db_actors_list(req->db, &f, &page, &list);
    reply_db_list(req, rep, st, &list, page.limit, "actor");
}

void actors_list(const struct request *req, struct reply *rep)
{
    list_actors(req, rep, false);
}

void speakers_list(const struct request *req, struct reply *rep)
{
    list_actors(req, rep, true);
}

void actors_get(const struct request *req, struct reply *rep)
{
    reply_item(req, rep, db_actor_get, "actor");
}

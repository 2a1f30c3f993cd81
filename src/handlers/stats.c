/* stats.c — numbers about the collection: totals and rankings (GET
 * /stats) and quotes over time (GET /stats/timeline). Both answer one JSON
 * object, not a list. */
#include <string.h>

#include "common.h"
#include "handlers.h"

static const char *const langs[] = {"fr", "en", NULL};

/* GET /stats: totals, top speakers, quotes per month, per language and
 * figures per unit, optionally over the articles of one language or
 * dates. */
void stats_get(const struct request *req, struct reply *rep)
{
    struct problems probs = {0};
    struct db_stats_filter f = {0};
    param_enum(req, "lang", langs, &f.lang, &probs);
    param_date(req, "from", &f.from, &probs);
    param_date(req, "to", &f.to, &probs);
    if (problems_reply(&probs, rep, NULL))
        return;
    json_t *o = NULL;
    enum db_status st = db_stats(req->db, &f, &o);
    if (st != DB_OK) {
        reply_db_status(rep, req->db, st, "statistics");
        return;
    }
    reply_json(rep, 200, o);
}

/* GET /stats/timeline: quotes per day, week or month (default month), of
 * one speaker or matching a search when asked. */
void stats_timeline(const struct request *req, struct reply *rep)
{
    static const char *const intervals[] = {"month", "week", "day", NULL};
    static const enum db_interval interval_of[] = {DB_BY_MONTH, DB_BY_WEEK, DB_BY_DAY};
    struct problems probs = {0};
    struct db_quote_filter f = {0};
    enum db_interval interval = DB_BY_MONTH;
    const char *iv = NULL;
    if (param_enum(req, "interval", intervals, &iv, &probs) && iv)
        for (size_t i = 0; intervals[i]; i++)
            if (iv == intervals[i])
                interval = interval_of[i];
    speaker_param(req, &f.speaker_id, &f.speaker_name, &probs);
    search_param(req, &f.q, &probs);
    param_enum(req, "lang", langs, &f.lang, &probs);
    param_date(req, "from", &f.from, &probs);
    param_date(req, "to", &f.to, &probs);
    if (problems_reply(&probs, rep, NULL))
        return;
    json_t *o = NULL;
    enum db_status st = db_quotes_timeline(req->db, &f, interval, &o);
    if (st != DB_OK) {
        reply_db_status(rep, req->db, st, "timeline");
        return;
    }
    reply_json(rep, 200, o);
}

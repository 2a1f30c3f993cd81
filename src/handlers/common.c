/* common.c — page parameters, list envelopes, CSV/NDJSON rendering and
 * database status replies for every resource handler, and the speaker
 * and search parameters that several of them read. */
#include "common.h"
#include "textbuf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool page_params(const struct request *req, struct db_page *page, struct problems *p)
{
    int64_t limit = PAGE_DEFAULT;
    bool ok = param_int(req, "limit", 1, PAGE_MAX, &limit, p);
    page->limit = (int)limit;
    page->cursor = req_param(req, "cursor");
    if (page->cursor && (!*page->cursor || strlen(page->cursor) > 512)) {
        problems_add(p, "cursor", "is not a cursor this server returned");
        ok = false;
    }
    return ok;
}

void speaker_param(const struct request *req, int64_t *id, const char **name, struct problems *p)
{
    const char *speaker = req_param(req, "speaker");
    if (!speaker)
        return;
    size_t n = strlen(speaker);
    if (!n)
        problems_add(p, "speaker", "must be an actor id or a name");
    else if (strspn(speaker, "0123456789") == n)
        param_int(req, "speaker", 1, INT64_MAX, id, p);
    else
        *name = speaker;
}

void search_param(const struct request *req, const char **q, struct problems *p)
{
    const char *v = req_param(req, "q");
    if (!v)
        return;
    size_t n = strlen(v), k = 0;
    while (k < n && isspace((unsigned char)v[k]))
        k++;
    *q = v;
    if (k == n)
        problems_add(p, "q", "must contain a word to search for");
    else if (n > SEARCH_MAX)
        problems_add(p, "q", "must be at most %d bytes", SEARCH_MAX);
}

/* ---- CSV ---------------------------------------------------------------- */

/* One CSV field, RFC 4180 quoting. */
static void csv_field(struct textbuf *b, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        tb_str(b, s);
        return;
    }
    tb_add(b, "\"", 1);
    for (const char *q; (q = strchr(s, '"')); s = q + 1) {
        tb_add(b, s, (size_t)(q - s) + 1);
        tb_add(b, "\"", 1); /* a quote inside is doubled */
    }
    tb_str(b, s);
    tb_add(b, "\"", 1);
}

/* Render a scalar (or array of scalars, joined with "; ") as CSV text;
 * numbers and booleans as the JSON answer writes them. */
static void csv_value(struct textbuf *b, json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_STRING: csv_field(b, json_string_value(v)); break;
    case JSON_INTEGER:
    case JSON_REAL:
    case JSON_TRUE:
    case JSON_FALSE: tb_json(b, v); break;
    case JSON_ARRAY: {
        struct textbuf inner = {0};
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) {
            if (i)
                tb_str(&inner, "; ");
            if (json_is_string(e))
                tb_str(&inner, json_string_value(e));
        }
        char *joined = tb_finish(&inner, NULL);
        csv_field(b, joined ? joined : "");
        free(joined);
        break;
    }
    default: break;
    }
}

/* Columns: the first item's keys, nested objects flattened as key.sub. */
static char *render_csv(json_t *items, size_t *len)
{
    struct textbuf b = {0};
    json_t *first = json_array_get(items, 0);
    if (first) {
        const char *k;
        json_t *v;
        bool sep = false;
        json_object_foreach(first, k, v) {
            if (json_is_object(v)) {
                const char *k2;
                json_t *v2;
                json_object_foreach(v, k2, v2) {
                    if (sep)
                        tb_str(&b, ",");
                    tb_str(&b, k);
                    tb_str(&b, ".");
                    tb_str(&b, k2);
                    sep = true;
                }
            } else {
                if (sep)
                    tb_str(&b, ",");
                tb_str(&b, k);
                sep = true;
            }
        }
        tb_str(&b, "\r\n");
    }
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item) {
        const char *k;
        json_t *v;
        bool sep = false;
        json_object_foreach(first, k, v) {
            json_t *iv = json_object_get(item, k);
            if (json_is_object(v)) {
                const char *k2;
                json_t *v2;
                json_object_foreach(v, k2, v2) {
                    if (sep)
                        tb_str(&b, ",");
                    json_t *x = json_is_object(iv) ? json_object_get(iv, k2) : NULL;
                    if (x)
                        csv_value(&b, x);
                    sep = true;
                }
            } else {
                if (sep)
                    tb_str(&b, ",");
                if (iv && !json_is_object(iv))
                    csv_value(&b, iv);
                sep = true;
            }
        }
        tb_str(&b, "\r\n");
    }
    return tb_finish(&b, len);
}

static char *render_ndjson(json_t *items, size_t *len)
{
    struct textbuf b = {0};
    size_t i;
    json_t *item;
    json_array_foreach(items, i, item) {
        tb_json(&b, item);
        tb_add(&b, "\n", 1);
    }
    return tb_finish(&b, len);
}

void reply_list(const struct request *req, struct reply *rep, struct db_list *list, int limit)
{
    char *next = list->next_cursor ? url_with_cursor(req, list->next_cursor) : NULL;
    if (req->format != FORMAT_JSON) {
        size_t len = 0;
        char *body = req->format == FORMAT_CSV ? render_csv(list->items, &len) : render_ndjson(list->items, &len);
        if (!body) {
            reply_problem(rep, 503, "the server is out of memory; try again");
            rep->retry_after = 1;
            free(next);
            db_list_free(list);
            return;
        }
        reply_raw(rep, 200, req->format == FORMAT_CSV ? "text/csv; charset=utf-8" : "application/x-ndjson", body, len);
        rep->link_next = next;
        db_list_free(list);
        return;
    }
    char *self = url_with_cursor(req, req_param(req, "cursor"));
    json_t *body = json_pack("{s:O, s:{s:I, s:b, s:i, s:s?}, s:{s:s, s:s?}}", "data", list->items, "meta", "total",
                             (json_int_t)list->total, "total_is_lower_bound", list->total_is_lower_bound, "limit",
                             limit, "next_cursor", list->next_cursor,
                             "links", "self", self, "next", next);
    free(self);
    reply_json(rep, 200, body);
    rep->link_next = next;
    db_list_free(list);
}

void reply_db_status(struct reply *rep, struct db *db, enum db_status st, const char *what)
{
    switch (st) {
    case DB_OK:
        break;
    case DB_NOTFOUND:
        reply_problem(rep, 404, "no %s with that id", what);
        break;
    case DB_EINVAL: {
        const char *msg = db_errmsg(db);
        struct problems p = {0};
        problems_add(&p, msg && strstr(msg, "cursor") ? "cursor" : "q", "%s", msg ? msg : "invalid value");
        problems_reply(&p, rep, NULL);
        break;
    }
    case DB_BUSY:
        reply_problem(rep, 503, "the database is busy; try again");
        rep->retry_after = 1;
        break;
    case DB_ERROR:
        fprintf(stderr, "quoted: database error: %s\n", db_errmsg(db));
        reply_problem(rep, 500, "the database failed to answer");
        break;
    }
}

void reply_bad_id(const struct request *req, struct reply *rep, const char *what)
{
    reply_problem(rep, 404, "no %s at %s: ids are positive integers", what, req->path);
}

void reply_db_list(const struct request *req, struct reply *rep, enum db_status st,
                   struct db_list *list, int limit, const char *what)
{
    if (st != DB_OK) {
        db_list_free(list);
        reply_db_status(rep, req->db, st, what);
        return;
    }
    reply_list(req, rep, list, limit);
}

void reply_item(const struct request *req, struct reply *rep, db_get_fn get, const char *what)
{
    int64_t id;
    if (!path_id(req, &id)) {
        reply_bad_id(req, rep, what);
        return;
    }
    json_t *item = NULL;
    enum db_status st = get(req->db, id, &item);
    if (st != DB_OK) {
        reply_db_status(rep, req->db, st, what);
        return;
    }
    reply_json(rep, 200, item);
}

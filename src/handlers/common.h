/* common.h — what the resource handlers share: reading the page
 * parameters, answering a list in its envelope (or as CSV / NDJSON), and
 * turning a database status into the right reply. */
#ifndef QUOTED_HANDLERS_COMMON_H
#define QUOTED_HANDLERS_COMMON_H

#include "db/db.h"
#include "http.h"

#define PAGE_DEFAULT 20
#define PAGE_MAX 100

/* Read limit (1..100, default 20) and cursor into `page`. */
bool page_params(const struct request *req, struct db_page *page, struct problems *p);

/* Answer `list` (consumed) as {data, meta:{total, limit, next_cursor},
 * links:{self, next}} with a Link header, or as CSV / NDJSON when the
 * request asked for it. */
void reply_list(const struct request *req, struct reply *rep, struct db_list *list, int limit);

/* Answer a failed database call: 404 (naming `what`), 400 for a value the
 * database rejected, 503 when busy, 500 otherwise. */
void reply_db_status(struct reply *rep, struct db *db, enum db_status st, const char *what);

/* Read `speaker`, an actor id (digits only) into *id or a name into
 * *name (borrowed from the request); both stay as they are when absent. */
void speaker_param(const struct request *req, int64_t *id, const char **name, struct problems *p);

/* Read a full-text query `q` (borrowed) into *q, which stays as it is when
 * absent; a problem when it holds no word or is over SEARCH_MAX bytes. */
#define SEARCH_MAX 500
void search_param(const struct request *req, const char **q, struct problems *p);

/* A page of a list just read: on DB_OK answer it (see reply_list, `list`
 * is consumed), else answer the failure (see reply_db_status). */
void reply_db_list(const struct request *req, struct reply *rep, enum db_status st,
                   struct db_list *list, int limit, const char *what);

/* A function that reads one item by id (db_article_get, db_quote_get...). */
typedef enum db_status (*db_get_fn)(struct db *r, int64_t id, json_t **out);

/* GET /{resource}/{id}: read the item with `get` and answer it, or 404
 * for an id that is not a positive integer or names nothing. */
void reply_item(const struct request *req, struct reply *rep, db_get_fn get, const char *what);

/* The 404 of a path id that is not a positive integer. */
void reply_bad_id(const struct request *req, struct reply *rep, const char *what);

#endif

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

/* The 404 of a path id that is not a positive integer. */
void reply_bad_id(const struct request *req, struct reply *rep, const char *what);

#endif

/* handlers.h — every resource handler. One file per resource; each takes a
 * request and fills a reply (see http.h). The route table in router.c maps
 * method and path to these. */
#ifndef QUOTED_HANDLERS_H
#define QUOTED_HANDLERS_H

#include "http.h"

/* articles.c */
void articles_post(const struct request *req, struct reply *rep);
void articles_list(const struct request *req, struct reply *rep);
void articles_get(const struct request *req, struct reply *rep);
void articles_delete(const struct request *req, struct reply *rep);

/* extraction.c */
void extract_post(const struct request *req, struct reply *rep);

/* quotes.c */
void quotes_list(const struct request *req, struct reply *rep);
void quotes_get(const struct request *req, struct reply *rep);
void quotes_random(const struct request *req, struct reply *rep);

/* actors.c */
void actors_list(const struct request *req, struct reply *rep);
void speakers_list(const struct request *req, struct reply *rep);
void actors_get(const struct request *req, struct reply *rep);
void actors_quotes(const struct request *req, struct reply *rep);

/* figures.c */
void figures_list(const struct request *req, struct reply *rep);

/* stats.c */
void stats_get(const struct request *req, struct reply *rep);
void stats_timeline(const struct request *req, struct reply *rep);

/* service.c */
void healthz_get(const struct request *req, struct reply *rep);
void readyz_get(const struct request *req, struct reply *rep);
void metrics_get(const struct request *req, struct reply *rep);
void openapi_get(const struct request *req, struct reply *rep);
void index_get(const struct request *req, struct reply *rep);

#endif

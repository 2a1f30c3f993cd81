/* router.h — the route table: which handler answers which method and path,
 * and what every route requires. Checks that many routes share (known
 * parameters, write authorisation, body media types) are enforced once, by
 * the server, from the flags declared here. */
#ifndef QUOTED_ROUTER_H
#define QUOTED_ROUTER_H

#include <stddef.h>

#include "handlers/http.h"

enum route_flag {
    ROUTE_WRITE = 1 << 0,  /* changes data: needs the API token (or loopback) */
    ROUTE_BODY = 1 << 1,   /* reads a request body (JSON, text or NDJSON) */
    ROUTE_LIST = 1 << 2,   /* a list: accepts format=json|csv|ndjson */
    ROUTE_NO_DB = 1 << 3,  /* answers without the database (liveness, metrics, static) */
    ROUTE_CACHE = 1 << 4,  /* its 200 answers may be served again until the next write */
};

struct route {
    unsigned method;       /* one enum http_method; GET routes also answer HEAD */
    const char *pattern;   /* "/articles/{id}": {id} matches one path segment */
    handler_fn handler;
    unsigned flags;        /* enum route_flag */
    const char *params;    /* space-separated query parameters the route accepts */
};

enum route_result { ROUTE_FOUND, ROUTE_NOT_FOUND, ROUTE_BAD_METHOD };

/* Find the route for `method` and `path`. On ROUTE_FOUND *route is set and
 * the {id} segment is copied into id (idlen bytes, "" if none). On
 * ROUTE_BAD_METHOD `allow` receives the methods the path accepts
 * ("GET, HEAD, DELETE"). */
enum route_result router_match(unsigned method, const char *path, const struct route **route,
                               char *id, size_t idlen, char *allow, size_t allowlen);

/* True when `name` is among the route's accepted parameters. */
int route_accepts_param(const struct route *route, const char *name);

#endif

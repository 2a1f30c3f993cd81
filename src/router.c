/* router.c — the route table and its matching. The table is the API's
 * index: read it to know every endpoint. */
#include "router.h"

#include <stdio.h>
#include <string.h>

#include "handlers/handlers.h"

#define LIST_PARAMS "limit cursor format "

static const struct route routes[] = {
    /* method      pattern                  handler          flags                                  parameters */
    {HTTP_GET,    "/",                     index_get,       ROUTE_NO_DB,                           "q lang speaker"},
    {HTTP_GET,    "/healthz",              healthz_get,     ROUTE_NO_DB,                           ""},
    {HTTP_GET,    "/readyz",               readyz_get,      0,                                     ""},
    {HTTP_GET,    "/metrics",              metrics_get,     ROUTE_NO_DB,                           ""},
    {HTTP_GET,    "/openapi.yaml",         openapi_get,     ROUTE_NO_DB,                           ""},
    {HTTP_POST,   "/extract",              extract_post,    ROUTE_BODY,                            "lang title date"},
    {HTTP_POST,   "/articles",             articles_post,   ROUTE_WRITE | ROUTE_BODY,              "lang title url date source"},
    {HTTP_GET,    "/articles",             articles_list,   ROUTE_LIST | ROUTE_CACHE,              LIST_PARAMS "lang from to source q"},
    {HTTP_GET,    "/articles/{id}",        articles_get,    ROUTE_CACHE,                           ""},
    {HTTP_DELETE, "/articles/{id}",        articles_delete, ROUTE_WRITE,                           ""},
    {HTTP_GET,    "/quotes",               quotes_list,     ROUTE_LIST | ROUTE_CACHE,              LIST_PARAMS "speaker article lang from to kind q sort"},
    {HTTP_GET,    "/quotes/random",        quotes_random,   0,                                     "speaker article lang from to kind q"},
    {HTTP_GET,    "/quotes/{id}",          quotes_get,      ROUTE_CACHE,                           ""},
    {HTTP_GET,    "/actors",               actors_list,     ROUTE_LIST | ROUTE_CACHE,              LIST_PARAMS "type q"},
    {HTTP_GET,    "/actors/{id}",          actors_get,      ROUTE_CACHE,                           ""},
    {HTTP_GET,    "/actors/{id}/quotes",   actors_quotes,   ROUTE_LIST | ROUTE_CACHE,              LIST_PARAMS "lang from to kind q sort"},
    {HTTP_GET,    "/speakers",             speakers_list,   ROUTE_LIST | ROUTE_CACHE,              LIST_PARAMS "type q"},
    {HTTP_GET,    "/figures",              figures_list,    ROUTE_LIST | ROUTE_CACHE,              LIST_PARAMS "unit min max article q lang from to sort"},
    {HTTP_GET,    "/stats",                stats_get,       ROUTE_CACHE,                           "lang from to"},
    {HTTP_GET,    "/stats/timeline",       stats_timeline,  ROUTE_CACHE,                           "interval speaker q lang from to"},
};

static const char *method_name(unsigned m)
{
    switch (m) {
    case HTTP_GET: return "GET";
    case HTTP_HEAD: return "HEAD";
    case HTTP_POST: return "POST";
    case HTTP_DELETE: return "DELETE";
    case HTTP_PUT: return "PUT";
    case HTTP_PATCH: return "PATCH";
    case HTTP_OPTIONS: return "OPTIONS";
    }
    return "?";
}

/* Match one pattern; copy the {id} segment into id. */
static int pattern_match(const char *pat, const char *path, char *id, size_t idlen)
{
    id[0] = '\0';
    while (*pat && *path) {
        if (strncmp(pat, "{id}", 4) == 0) {
            size_t seg = strcspn(path, "/");
            if (seg == 0 || seg >= idlen)
                return 0;
            memcpy(id, path, seg);
            id[seg] = '\0';
            path += seg;
            pat += 4;
            continue;
        }
        if (*pat != *path)
            return 0;
        pat++;
        path++;
    }
    /* a trailing slash is tolerated: "/quotes/" is "/quotes" */
    if (*path == '/' && path[1] == '\0' && path != pat)
        path++;
    return *pat == '\0' && *path == '\0';
}

enum route_result router_match(unsigned method, const char *path, const struct route **route,
                               char *id, size_t idlen, char *allow, size_t allowlen)
{
    unsigned allowed = 0;
    unsigned want = method == HTTP_HEAD ? HTTP_GET : method;
    char scratch[64];
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (!pattern_match(routes[i].pattern, path, scratch, sizeof scratch))
            continue;
        /* a literal segment ("/quotes/random") wins over {id}: table order */
        if (allowed & routes[i].method)
            continue;
        allowed |= routes[i].method;
        if (routes[i].method == want && !*route) {
            *route = &routes[i];
            snprintf(id, idlen, "%s", scratch);
        }
    }
    if (*route)
        return ROUTE_FOUND;
    if (!allowed)
        return ROUTE_NOT_FOUND;
    if (allowed & HTTP_GET)
        allowed |= HTTP_HEAD;
    allowed |= HTTP_OPTIONS;
    allow[0] = '\0';
    static const unsigned order[] = {HTTP_GET, HTTP_HEAD, HTTP_POST, HTTP_PUT, HTTP_PATCH, HTTP_DELETE, HTTP_OPTIONS};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        if (!(allowed & order[i]))
            continue;
        size_t n = strlen(allow);
        snprintf(allow + n, allowlen - n, "%s%s", n ? ", " : "", method_name(order[i]));
    }
    return ROUTE_BAD_METHOD;
}

int route_accepts_param(const struct route *route, const char *name)
{
    size_t n = strlen(name);
    const char *p = route->params;
    while (*p) {
        size_t k = strcspn(p, " ");
        if (k == n && strncmp(p, name, n) == 0)
            return 1;
        p += k;
        while (*p == ' ')
            p++;
    }
    return 0;
}

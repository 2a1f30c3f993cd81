/* server.c — the request lifecycle over libmicrohttpd: per-request state,
 * body accumulation with limits, the checks every route shares (method,
 * parameters, authorisation, media type, sizes), CORS, ETag/304,
 * request ids, the access log and the metrics counters. With router.c, the
 * only code that includes microhttpd.h.
 *
 * A request is answered in one of two places: on the first call, when the
 * headers alone decide (404, 405, 413 from Content-Length, 401, 415...), so
 * an unwanted body is never read; or on the final call, once the whole body
 * has been accumulated, by the route's handler. */
#include "server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "extract/utf8.h"
#include "router.h"
#include "textbuf.h"
#include "util.h"

struct server {
    struct MHD_Daemon *daemon;
    struct app *app;
    int port;
};

#define MAX_PARAMS 64

/* Everything one request needs between libmicrohttpd's calls; freed in
 * on_completed, which also runs when the client goes away. */
struct req_state {
    const struct route *route;
    char id[64];
    char *body;
    size_t body_len, body_cap;
    bool too_large;           /* body grew past max_body while streaming in */
    int status;               /* status queued, for the log */
    size_t bytes;             /* body bytes queued, for the log */
    uint64_t t0;
    char method[12];
    char *path;
    char request_id[72];
    char *cache_key;          /* set when a 200 answer may be cached */
    uint64_t cache_generation;/* the write generation the answer was computed at */
};

static atomic_uint_fast64_t request_counter;

static unsigned method_bit(const char *m)
{
    static const struct { const char *name; unsigned bit; } table[] = {
        {"GET", HTTP_GET}, {"HEAD", HTTP_HEAD}, {"POST", HTTP_POST}, {"DELETE", HTTP_DELETE},
        {"OPTIONS", HTTP_OPTIONS}, {"PUT", HTTP_PUT}, {"PATCH", HTTP_PATCH},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(m, table[i].name) == 0)
            return table[i].bit;
    return HTTP_OTHER;
}

/* ---- replies ------------------------------------------------------------ */

/* The ETag hash: FNV-1a over 8-byte words (then the tail bytes), fast
 * enough to run on every body; not cryptographic, only a change detector. */
static uint64_t body_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 1099511628211ULL;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h ^ (h >> 32);
}

static bool origin_allowed(const struct app *app, const char *origin)
{
    const char *list = app->cfg.cors_origins ? app->cfg.cors_origins : "*";
    if (strcmp(list, "*") == 0)
        return true;
    size_t n = strlen(origin);
    for (const char *p = list; *p;) {
        p += strspn(p, " ,");
        size_t k = strcspn(p, " ,");
        if (k == n && strncmp(p, origin, n) == 0)
            return true;
        p += k;
    }
    return false;
}

/* CORS: with the default "*" any origin may read; writes from a browser
 * need the origin listed in QUOTED_CORS_ORIGINS. */
static void add_cors(struct MHD_Connection *c, struct MHD_Response *r, const struct app *app, unsigned method)
{
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    if (!origin || !origin_allowed(app, origin))
        return;
    bool any = !app->cfg.cors_origins || strcmp(app->cfg.cors_origins, "*") == 0;
    if (any && method != HTTP_GET && method != HTTP_HEAD)
        return;
    MHD_add_response_header(r, "Access-Control-Allow-Origin", any ? "*" : origin);
    if (!any)
        MHD_add_response_header(r, "Vary", "Origin");
    MHD_add_response_header(r, "Access-Control-Expose-Headers",
                            "Location, Link, ETag, X-Request-Id, Retry-After");
}

/* Send `rep` (consumed). HEAD gets the headers of GET; a GET whose ETag the
 * client already has gets 304. */
static enum MHD_Result send_reply(struct MHD_Connection *c, struct req_state *st, struct app *app,
                                  struct reply *rep, unsigned method)
{
    char *body = NULL;
    size_t len = 0;
    if (rep->json) {
        body = json_text(rep->json, true, &len);
    } else if (rep->body) {
        body = rep->body;
        len = rep->body_len;
        rep->body = NULL;
    }
    int status = rep->status ? rep->status : 200;
    char etag[24] = "";
    if ((method == HTTP_GET || method == HTTP_HEAD) && status == 200) {
        if (rep->etag[0])
            memcpy(etag, rep->etag, sizeof etag);
        else
            snprintf(etag, sizeof etag, "\"%016llx\"", (unsigned long long)body_hash(body ? body : "", len));
        if (st->cache_key && body)
            cache_put(&app->cache, st->cache_key, st->cache_generation, body, len,
                      rep->content_type ? rep->content_type : "application/json", rep->link_next, etag);
        const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
        if (inm && (strstr(inm, etag) || strcmp(inm, "*") == 0)) {
            free(body);
            body = NULL;
            len = 0;
            status = 304;
        }
    }
    struct MHD_Response *r =
        MHD_create_response_from_buffer(len, body ? body : (void *)"", body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (!r) {
        free(body);
        reply_free(rep);
        return MHD_NO;
    }
    if (status != 304 && status != 204)
        MHD_add_response_header(r, "Content-Type",
                                rep->content_type ? rep->content_type : "application/json");
    if (etag[0])
        MHD_add_response_header(r, "ETag", etag);
    if (method == HTTP_GET || method == HTTP_HEAD)
        MHD_add_response_header(r, "Cache-Control", "no-cache");
    if (rep->location)
        MHD_add_response_header(r, "Location", rep->location);
    if (rep->link_next) {
        char *link = malloc(strlen(rep->link_next) + 32);
        if (link) {
            sprintf(link, "<%s>; rel=\"next\"", rep->link_next);
            MHD_add_response_header(r, "Link", link);
            free(link);
        }
    }
    if (rep->allow)
        MHD_add_response_header(r, "Allow", rep->allow);
    if (rep->www_authenticate)
        MHD_add_response_header(r, "WWW-Authenticate", "Bearer realm=\"quoted\"");
    if (rep->retry_after) {
        char ra[16];
        snprintf(ra, sizeof ra, "%d", rep->retry_after);
        MHD_add_response_header(r, "Retry-After", ra);
    }
    MHD_add_response_header(r, "X-Request-Id", st->request_id);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    add_cors(c, r, app, method);
    if (st->route && (st->route->flags & ROUTE_LIST))
        MHD_add_response_header(r, "Vary", "Accept");
    st->status = status;
    st->bytes = len;
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, r);
    MHD_destroy_response(r);
    reply_free(rep);
    return ok;
}

static enum MHD_Result send_problem(struct MHD_Connection *c, struct req_state *st, struct app *app,
                                    unsigned method, int status, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static enum MHD_Result send_problem(struct MHD_Connection *c, struct req_state *st, struct app *app,
                                    unsigned method, int status, const char *fmt, ...)
{
    char detail[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    struct reply rep = {0};
    reply_problem(&rep, status, "%s", detail);
    if (status == 401)
        rep.www_authenticate = true;
    return send_reply(c, st, app, &rep, method);
}

/* ---- the checks every route shares -------------------------------------- */

/* The client's address bytes, for the rate limit. */
static bool client_address(struct MHD_Connection *c, const void **addr, size_t *len)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr)
        return false;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET) {
        *addr = &((const struct sockaddr_in *)(const void *)sa)->sin_addr;
        *len = sizeof(struct in_addr);
        return true;
    }
    if (sa->sa_family == AF_INET6) {
        *addr = &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr;
        *len = sizeof(struct in6_addr);
        return true;
    }
    return false;
}

static bool is_loopback(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr)
        return false;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
        return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
    }
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;
        if (IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr))
            return true;
        return IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr) && in6->sin6_addr.s6_addr[12] == 127;
    }
    return false;
}

/* Constant-time comparison of the presented token with the configured one. */
static bool token_equal(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    unsigned char diff = (unsigned char)(na != nb);
    for (size_t i = 0; i < na; i++)
        diff |= (unsigned char)(a[i] ^ b[i % (nb ? nb : 1)]);
    return diff == 0;
}

/* 0 when the write may proceed, else the status to answer (401, 403). */
static int write_denied(struct MHD_Connection *c, const struct app *app, const char **why)
{
    const char *token = app->cfg.api_token;
    if (!token || !*token) {
        if (is_loopback(c))
            return 0;
        *why = "writes are accepted from loopback clients only when no API token is configured";
        return 403;
    }
    const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
    if (!auth || strncasecmp(auth, "Bearer ", 7) != 0) {
        *why = "this endpoint needs an 'Authorization: Bearer <token>' header";
        return 401;
    }
    const char *given = auth + 7;
    while (*given == ' ')
        given++;
    if (!token_equal(given, token)) {
        *why = "the bearer token is not valid";
        return 403;
    }
    return 0;
}

/* The media type of the body, lower case, without parameters. */
static void media_type(struct MHD_Connection *c, char *out, size_t cap)
{
    const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
    out[0] = '\0';
    if (!ct)
        return;
    size_t i = 0;
    while (*ct == ' ')
        ct++;
    for (; ct[i] && ct[i] != ';' && ct[i] != ' ' && i + 1 < cap; i++)
        out[i] = (char)((ct[i] >= 'A' && ct[i] <= 'Z') ? ct[i] + 32 : ct[i]);
    out[i] = '\0';
}

static bool body_type_ok(const char *mt)
{
    return strcmp(mt, "application/json") == 0 || strcmp(mt, "text/plain") == 0 ||
           strcmp(mt, "application/x-ndjson") == 0 || strcmp(mt, "application/ndjson") == 0;
}

struct param_walk {
    struct param *params;
    size_t n;
    size_t bytes;         /* total length of keys and values, for the URL limit */
    const char *bad_utf8; /* first parameter that is not valid UTF-8 */
};

static enum MHD_Result collect_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    struct param_walk *w = cls;
    w->bytes += strlen(key) + (value ? strlen(value) : 0) + 2;
    if ((!utf8_valid(key, strlen(key)) || (value && !utf8_valid(value, strlen(value)))) && !w->bad_utf8)
        w->bad_utf8 = key;
    if (w->n < MAX_PARAMS)
        w->params[w->n++] = (struct param){key, value};
    return MHD_YES;
}

static void new_request_id(struct MHD_Connection *c, char *out, size_t cap)
{
    const char *given = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Request-Id");
    if (given && *given && strlen(given) < cap && strlen(given) <= 64 &&
        strspn(given, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:") == strlen(given)) {
        snprintf(out, cap, "%s", given);
        return;
    }
    uint64_t n = atomic_fetch_add(&request_counter, 1) + 1;
    snprintf(out, cap, "%08llx-%06llx", (unsigned long long)(time(NULL) & 0xffffffff),
             (unsigned long long)(n & 0xffffff));
}

/* The cache key of a GET: its path, its parameters in the order given and
 * the body format. New string, or NULL when out of memory. */
static char *cache_key(const char *path, const struct param *params, size_t n, enum body_format format)
{
    size_t len = strlen(path) + 8;
    for (size_t i = 0; i < n; i++)
        len += strlen(params[i].key) + (params[i].value ? strlen(params[i].value) : 0) + 2;
    char *key = malloc(len);
    if (!key)
        return NULL;
    char *p = key + sprintf(key, "%d%s", (int)format, path);
    for (size_t i = 0; i < n; i++)
        p += sprintf(p, "%c%s=%s", i ? '&' : '?', params[i].key, params[i].value ? params[i].value : "");
    return key;
}

/* ---- the lifecycle ------------------------------------------------------- */

static enum MHD_Result on_preflight(struct MHD_Connection *c, struct req_state *st, struct app *app,
                                    const char *allow)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, "Allow", allow);
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    if (origin && origin_allowed(app, origin)) {
        bool any = !app->cfg.cors_origins || strcmp(app->cfg.cors_origins, "*") == 0;
        MHD_add_response_header(r, "Access-Control-Allow-Origin", any ? "*" : origin);
        MHD_add_response_header(r, "Access-Control-Allow-Methods",
                                any ? (strstr(allow, "GET") ? "GET, HEAD, OPTIONS" : "OPTIONS") : allow);
        MHD_add_response_header(r, "Access-Control-Allow-Headers",
                                "Content-Type, Authorization, If-None-Match, X-Request-Id");
        MHD_add_response_header(r, "Access-Control-Max-Age", "600");
        if (!any)
            MHD_add_response_header(r, "Vary", "Origin");
    }
    MHD_add_response_header(r, "X-Request-Id", st->request_id);
    st->status = 204;
    enum MHD_Result ok = MHD_queue_response(c, 204, r);
    MHD_destroy_response(r);
    return ok;
}

/* First call: decide everything the headers can decide. Returns MHD_YES
 * with *answered set when a reply was queued. */
static enum MHD_Result first_call(struct MHD_Connection *c, struct req_state *st, struct app *app,
                                  const char *url, unsigned method, bool *answered)
{
    char allow[96];
    *answered = true;
    size_t url_len = strlen(url);
    struct param params[MAX_PARAMS];
    struct param_walk walk = {params, 0, 0, NULL};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_param, &walk);
    if (url_len + walk.bytes > app->cfg.max_url)
        return send_problem(c, st, app, method, 414, "the request target is longer than %zu bytes",
                            app->cfg.max_url);
    if (!utf8_valid(url, url_len))
        return send_problem(c, st, app, method, 400, "the path is not valid UTF-8");
    const void *addr;
    size_t addr_len;
    int retry = 0;
    if (app->ratelimit.rate > 0 && client_address(c, &addr, &addr_len) &&
        !ratelimit_take(&app->ratelimit, addr, addr_len, now_us(), &retry)) {
        atomic_fetch_add(&app->metrics.rate_limited, 1);
        struct reply rep = {0};
        reply_problem(&rep, 429, "more than %g requests per second from this client; retry in %d s",
                      app->ratelimit.rate, retry);
        rep.retry_after = retry;
        return send_reply(c, st, app, &rep, method);
    }

    enum route_result rr = router_match(method == HTTP_OPTIONS ? HTTP_OTHER : method, url,
                                        &st->route, st->id, sizeof st->id, allow, sizeof allow);
    if (method == HTTP_OPTIONS) {
        if (rr == ROUTE_NOT_FOUND)
            return send_problem(c, st, app, method, 404, "no resource at %s", url);
        return on_preflight(c, st, app, allow);
    }
    if (rr == ROUTE_NOT_FOUND)
        return send_problem(c, st, app, method, 404, "no resource at %s", url);
    if (rr == ROUTE_BAD_METHOD) {
        struct reply rep = {0};
        reply_problem(&rep, 405, "%s is not allowed on %s (allowed: %s)", st->method, url, allow);
        static _Thread_local char allow_tls[96]; /* rep.allow is borrowed until sent */
        snprintf(allow_tls, sizeof allow_tls, "%s", allow);
        rep.allow = allow_tls;
        return send_reply(c, st, app, &rep, method);
    }
    if (st->route->flags & ROUTE_WRITE) {
        const char *why = NULL;
        int denied = write_denied(c, app, &why);
        if (denied)
            return send_problem(c, st, app, method, denied, "%s", why);
    }
    if (st->route->flags & ROUTE_BODY) {
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        if (cl) {
            char *end;
            unsigned long long n = strtoull(cl, &end, 10);
            if (*end == '\0' && n > app->cfg.max_body)
                return send_problem(c, st, app, method, 413,
                                    "the body is %llu bytes; the limit is %zu bytes", n, app->cfg.max_body);
        }
        char mt[96];
        media_type(c, mt, sizeof mt);
        if (!mt[0])
            return send_problem(c, st, app, method, 415,
                                "a Content-Type is required: application/json, text/plain or application/x-ndjson");
        if (!body_type_ok(mt))
            return send_problem(c, st, app, method, 415,
                                "Content-Type %s is not supported: use application/json, text/plain or application/x-ndjson",
                                mt);
    }
    *answered = false;
    return MHD_YES;
}

static enum MHD_Result final_call(struct MHD_Connection *c, struct req_state *st, struct app *app,
                                  const char *url, unsigned method)
{
    if (st->too_large)
        return send_problem(c, st, app, method, 413, "the body is larger than the limit of %zu bytes",
                            app->cfg.max_body);
    struct param params[MAX_PARAMS];
    struct param_walk walk = {params, 0, 0, NULL};
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_param, &walk);
    if (walk.bad_utf8)
        return send_problem(c, st, app, method, 400, "query parameter '%s' is not valid UTF-8", walk.bad_utf8);
    struct problems probs = {0};
    for (size_t i = 0; i < walk.n; i++)
        if (!route_accepts_param(st->route, params[i].key))
            problems_add(&probs, params[i].key, "unknown parameter%s%s",
                         st->route->params[0] ? "; accepted: " : " (this endpoint takes none)",
                         st->route->params);
    char mt[96];
    media_type(c, mt, sizeof mt);
    struct request req = {
        .method = method, .path = url, .params = params, .n_params = walk.n,
        .content_type = mt[0] ? mt : NULL, .body = st->body, .body_len = st->body_len,
        .app = app, .path_id = st->id[0] ? st->id : NULL,
    };
    if (st->route->flags & ROUTE_LIST) {
        const char *fmt = req_param(&req, "format");
        const char *accept = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept");
        if (fmt) {
            if (strcmp(fmt, "csv") == 0)
                req.format = FORMAT_CSV;
            else if (strcmp(fmt, "ndjson") == 0)
                req.format = FORMAT_NDJSON;
            else if (strcmp(fmt, "json") != 0)
                problems_add(&probs, "format", "must be one of: json, csv, ndjson");
        } else if (accept && strstr(accept, "text/csv")) {
            req.format = FORMAT_CSV;
        } else if (accept && (strstr(accept, "application/x-ndjson") || strstr(accept, "application/ndjson"))) {
            req.format = FORMAT_NDJSON;
        }
    }
    struct reply rep = {0};
    if (problems_reply(&probs, &rep, NULL))
        return send_reply(c, st, app, &rep, method);
    if ((st->route->flags & ROUTE_CACHE) && app->cache.budget) {
        /* the generation is read before the answer is computed, so an answer
         * that raced with a write is filed under the older generation */
        st->cache_generation = atomic_load(&app->write_generation);
        st->cache_key = cache_key(url, params, walk.n, req.format);
        struct cache_hit hit;
        if (st->cache_key && cache_get(&app->cache, st->cache_key, st->cache_generation, &hit)) {
            atomic_fetch_add(&app->metrics.cache_hits, 1);
            free(st->cache_key);
            st->cache_key = NULL;
            reply_raw(&rep, 200, hit.content_type, hit.body, hit.len);
            rep.link_next = hit.link_next;
            memcpy(rep.etag, hit.etag, sizeof rep.etag);
            return send_reply(c, st, app, &rep, method);
        }
        atomic_fetch_add(&app->metrics.cache_misses, 1);
    }
    if (!(st->route->flags & ROUTE_NO_DB)) {
        req.db = app_reader(app);
        if (!req.db)
            return send_problem(c, st, app, method, 503, "the database cannot be opened");
    }
    st->route->handler(&req, &rep);
    if (!rep.status)
        reply_problem(&rep, 500, "the handler gave no reply");
    return send_reply(c, st, app, &rep, method);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method_str, const char *version, const char *upload_data,
                                  size_t *upload_size, void **req_cls)
{
    (void)version;
    struct app *app = cls;
    struct req_state *st = *req_cls;
    unsigned method = method_bit(method_str);

    if (!st) {
        st = calloc(1, sizeof *st);
        if (!st)
            return MHD_NO;
        *req_cls = st;
        st->t0 = now_us();
        snprintf(st->method, sizeof st->method, "%s", method_str);
        st->path = strdup(url);
        new_request_id(c, st->request_id, sizeof st->request_id);
        atomic_fetch_add(&app->metrics.in_flight, 1);
        bool answered;
        enum MHD_Result r = first_call(c, st, app, url, method, &answered);
        if (answered || r != MHD_YES)
            return r;
        return MHD_YES;
    }
    if (*upload_size) {
        if (!st->too_large) {
            if (st->body_len + *upload_size > app->cfg.max_body) {
                st->too_large = true;
                free(st->body);
                st->body = NULL;
                st->body_len = 0;
            } else {
                if (st->body_len + *upload_size + 1 > st->body_cap) {
                    size_t nc = st->body_cap ? st->body_cap : 4096;
                    while (nc < st->body_len + *upload_size + 1)
                        nc *= 2;
                    char *p = realloc(st->body, nc);
                    if (!p)
                        return MHD_NO;
                    st->body = p;
                    st->body_cap = nc;
                }
                memcpy(st->body + st->body_len, upload_data, *upload_size);
                st->body_len += *upload_size;
                st->body[st->body_len] = '\0';
            }
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (st->status) /* already answered on the first call */
        return MHD_YES;
    return final_call(c, st, app, url, method);
}

static void log_request(const struct app *app, const struct req_state *st, uint64_t us)
{
    if (app->cfg.quiet)
        return;
    if (app->cfg.log_json) {
        json_t *line = json_pack("{s:s, s:s, s:i, s:I, s:I, s:s}", "method", st->method, "path",
                                 st->path ? st->path : "", "status", st->status, "bytes",
                                 (json_int_t)st->bytes, "us", (json_int_t)us, "request_id", st->request_id);
        size_t n = 0;
        char *s = json_text(line, true, &n);
        if (s)
            fwrite(s, 1, n, stderr);
        free(s);
        json_decref(line);
    } else {
        fprintf(stderr, "%s %s %d %zu %lluus %s\n", st->method, st->path ? st->path : "", st->status,
                st->bytes, (unsigned long long)us, st->request_id);
    }
}

static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)c;
    (void)toe;
    struct app *app = cls;
    struct req_state *st = *req_cls;
    if (!st)
        return;
    uint64_t us = now_us() - st->t0;
    int cls_idx = st->status / 100;
    if (cls_idx >= 1 && cls_idx <= 5)
        atomic_fetch_add(&app->metrics.requests[cls_idx], 1);
    atomic_fetch_add(&app->metrics.duration_us_sum, us);
    atomic_fetch_add(&app->metrics.bytes_sent, st->bytes);
    atomic_fetch_sub(&app->metrics.in_flight, 1);
    log_request(app, st, us);
    free(st->cache_key);
    free(st->body);
    free(st->path);
    free(st);
    *req_cls = NULL;
}

struct server *server_start(struct app *app, char *err, size_t errlen)
{
    struct server *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    s->app = app;
    unsigned threads = app->cfg.threads > 0 ? (unsigned)app->cfg.threads : (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    if (threads < 1)
        threads = 1;
    json_object_seed(0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)app->cfg.port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    if (app->cfg.host && inet_pton(AF_INET, app->cfg.host, &addr.sin_addr) != 1) {
        snprintf(err, errlen, "cannot bind to '%s': not an IPv4 address", app->cfg.host);
        free(s);
        return NULL;
    }
    /* The connection memory limit is each connection's pool for the request
     * line, headers and I/O buffers (bodies go to req_state). libmicrohttpd
     * 0.9.75 zeroes the whole pool between keep-alive requests, so its size
     * is paid on every request: 64 KiB holds an 8 KiB target and ample
     * headers; 256 KiB halved the request rate of a bare server. */
    s->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG, (uint16_t)app->cfg.port, NULL,
        NULL, on_request, app,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)threads,
        MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&addr,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, app,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)30,
        MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned int)1,
        MHD_OPTION_END);
    if (!s->daemon) {
        snprintf(err, errlen, "cannot listen on port %d (in use, or not permitted)", app->cfg.port);
        free(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : app->cfg.port;
    return s;
}

int server_port(const struct server *s)
{
    return s->port;
}

void server_stop(struct server *s, int grace_ms)
{
    if (!s)
        return;
    MHD_quiesce_daemon(s->daemon); /* stop accepting; in-flight requests go on */
    for (int waited = 0; waited < grace_ms && atomic_load(&s->app->metrics.in_flight) > 0; waited += 10) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    MHD_stop_daemon(s->daemon);
    free(s);
}

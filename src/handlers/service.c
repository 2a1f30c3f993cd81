/* service.c — the service's own endpoints: liveness, readiness, metrics in
 * Prometheus text format, the OpenAPI contract and the browsing page, the
 * last two compiled into the binary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "db/db.h"
#include "handlers.h"

extern const char openapi_yaml[];
extern const char index_html[];

void healthz_get(const struct request *req, struct reply *rep)
{
    (void)req;
    reply_json(rep, 200, json_pack("{s:s}", "status", "ok"));
}

void readyz_get(const struct request *req, struct reply *rep)
{
    if (db_ping(req->db) != DB_OK) {
        reply_problem(rep, 503, "the database does not answer");
        rep->retry_after = 1;
        return;
    }
    reply_json(rep, 200, json_pack("{s:s, s:i}", "status", "ready", "schema_version", db_schema_version(req->db)));
}

void metrics_get(const struct request *req, struct reply *rep)
{
    const struct app_metrics *m = &req->app->metrics;
    char *buf = malloc(4096);
    if (!buf) {
        reply_problem(rep, 500, "out of memory");
        return;
    }
    int n = snprintf(buf, 4096,
                     "# HELP quoted_http_requests_total HTTP requests answered, by status class.\n"
                     "# TYPE quoted_http_requests_total counter\n"
                     "quoted_http_requests_total{class=\"2xx\"} %llu\n"
                     "quoted_http_requests_total{class=\"3xx\"} %llu\n"
                     "quoted_http_requests_total{class=\"4xx\"} %llu\n"
                     "quoted_http_requests_total{class=\"5xx\"} %llu\n"
                     "# HELP quoted_http_request_duration_seconds_sum Time spent answering requests.\n"
                     "# TYPE quoted_http_request_duration_seconds_sum counter\n"
                     "quoted_http_request_duration_seconds_sum %.6f\n"
                     "# HELP quoted_http_response_bytes_total Response body bytes sent.\n"
                     "# TYPE quoted_http_response_bytes_total counter\n"
                     "quoted_http_response_bytes_total %llu\n"
                     "# HELP quoted_http_requests_in_flight Requests being answered now.\n"
                     "# TYPE quoted_http_requests_in_flight gauge\n"
                     "quoted_http_requests_in_flight %llu\n"
                     "# HELP quoted_articles_inserted_total Articles stored since start.\n"
                     "# TYPE quoted_articles_inserted_total counter\n"
                     "quoted_articles_inserted_total %llu\n"
                     "# HELP quoted_http_rate_limited_total Requests refused by the rate limit.\n"
                     "# TYPE quoted_http_rate_limited_total counter\n"
                     "quoted_http_rate_limited_total %llu\n"
                     "# HELP quoted_cache_hits_total GET answers served from the response cache.\n"
                     "# TYPE quoted_cache_hits_total counter\n"
                     "quoted_cache_hits_total %llu\n"
                     "# HELP quoted_cache_misses_total Cacheable GET answers computed.\n"
                     "# TYPE quoted_cache_misses_total counter\n"
                     "quoted_cache_misses_total %llu\n"
                     "# HELP quoted_uptime_seconds Seconds since the service started.\n"
                     "# TYPE quoted_uptime_seconds gauge\n"
                     "quoted_uptime_seconds %lld\n",
                     (unsigned long long)atomic_load(&m->requests[2]), (unsigned long long)atomic_load(&m->requests[3]),
                     (unsigned long long)atomic_load(&m->requests[4]), (unsigned long long)atomic_load(&m->requests[5]),
                     (double)atomic_load(&m->duration_us_sum) / 1e6, (unsigned long long)atomic_load(&m->bytes_sent),
                     (unsigned long long)atomic_load(&m->in_flight),
                     (unsigned long long)atomic_load(&m->articles_inserted),
                     (unsigned long long)atomic_load(&m->rate_limited),
                     (unsigned long long)atomic_load(&m->cache_hits),
                     (unsigned long long)atomic_load(&m->cache_misses),
                     (long long)(time(NULL) - req->app->started_at));
    reply_raw(rep, 200, "text/plain; version=0.0.4; charset=utf-8", buf, (size_t)(n < 4096 ? n : 4095));
}

static void reply_static(struct reply *rep, const char *content_type, const char *text)
{
    size_t n = strlen(text);
    char *copy = malloc(n + 1);
    if (!copy) {
        reply_problem(rep, 500, "out of memory");
        return;
    }
    memcpy(copy, text, n + 1);
    reply_raw(rep, 200, content_type, copy, n);
}

void openapi_get(const struct request *req, struct reply *rep)
{
    (void)req;
    reply_static(rep, "application/yaml; charset=utf-8", openapi_yaml);
}

void index_get(const struct request *req, struct reply *rep)
{
    (void)req;
    reply_static(rep, "text/html; charset=utf-8", index_html);
}

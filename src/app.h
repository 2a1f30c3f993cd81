/* app.h — the running service's shared state: configuration, the single
 * writer connection, one read connection per worker thread, and metrics.
 * Handlers reach it through request->app; nothing here knows HTTP. */
#ifndef QUOTED_APP_H
#define QUOTED_APP_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cache.h"
#include "ratelimit.h"

struct db;

struct app_config {
    const char *host;         /* bind address; NULL = all */
    int port;                 /* QUOTED_PORT, --port; 0 = any free port */
    const char *db_path;      /* QUOTED_DB, --db */
    int threads;              /* --threads, QUOTED_THREADS; 0 = number of cores */
    const char *api_token;    /* QUOTED_API_TOKEN, --api-token; NULL = loopback-only writes */
    size_t max_body;          /* QUOTED_MAX_BODY, --max-body (bytes) */
    size_t max_url;           /* longest accepted request target (bytes) */
    const char *cors_origins; /* QUOTED_CORS_ORIGINS: "*" or space/comma-separated origins */
    bool log_json;            /* --log-format json */
    bool quiet;               /* no request log */
    double rate_limit;        /* QUOTED_RATE_LIMIT, --rate-limit: requests/s per client; 0 = none */
    size_t cache_bytes;       /* QUOTED_CACHE_MB, --cache-mb: response cache size; 0 = none */
};

/* Counters exported on /metrics. */
struct app_metrics {
    atomic_uint_fast64_t requests[6];      /* by status class: [1]=1xx ... [5]=5xx */
    atomic_uint_fast64_t duration_us_sum;
    atomic_uint_fast64_t bytes_sent;
    atomic_uint_fast64_t articles_inserted;
    atomic_uint_fast64_t in_flight;
    atomic_uint_fast64_t rate_limited;
    atomic_uint_fast64_t cache_hits;
    atomic_uint_fast64_t cache_misses;
};

struct app {
    struct app_config cfg;
    struct db *writer;
    pthread_mutex_t write_lock;
    pthread_mutex_t readers_lock;
    struct db **readers;      /* every read connection opened, closed by app_close */
    size_t n_readers, cap_readers;
    unsigned generation;      /* distinguishes this app from an earlier one in thread-locals */
    struct app_metrics metrics;
    struct ratelimit ratelimit;
    struct response_cache cache;
    atomic_uint_fast64_t write_generation; /* moves on after every write: see cache.h */
    int64_t started_at;       /* unix seconds */
};

/* Open the database (creating and migrating it) and set up the state.
 * Returns 0, or -1 with a message in err. */
int app_open(struct app *app, const struct app_config *cfg, char *err, size_t errlen);

/* Close every connection; the caller must have stopped all threads. */
void app_close(struct app *app);

/* This thread's read connection, opened on first use; NULL if it cannot be
 * opened. Borrowed: valid until app_close. */
struct db *app_reader(struct app *app);

/* Serialise writes: lock, use the returned writer connection, unlock.
 * Unlocking moves the write generation on, which invalidates every cached
 * response. */
struct db *app_writer_lock(struct app *app);
void app_writer_unlock(struct app *app);

#endif

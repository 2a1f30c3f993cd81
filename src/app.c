/* app.c — connections and shared state of the running service. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"

static atomic_uint next_generation = 1;

struct reader_slot {
    const struct app *app;
    unsigned generation;
    struct db *db;
};
static _Thread_local struct reader_slot tls_reader;

int app_open(struct app *app, const struct app_config *cfg, char *err, size_t errlen)
{
    memset(app, 0, sizeof *app);
    app->cfg = *cfg;
    app->generation = atomic_fetch_add(&next_generation, 1);
    app->started_at = (int64_t)time(NULL);
    if (db_open(cfg->db_path, DB_WRITE, &app->writer, err, errlen) != DB_OK)
        return -1;
    pthread_mutex_init(&app->write_lock, NULL);
    pthread_mutex_init(&app->readers_lock, NULL);
    ratelimit_init(&app->ratelimit, cfg->rate_limit);
    cache_init(&app->cache, cfg->cache_bytes);
    atomic_store(&app->write_generation, 1);
    return 0;
}

void app_close(struct app *app)
{
    for (size_t i = 0; i < app->n_readers; i++)
        db_close(app->readers[i]);
    free(app->readers);
    db_close(app->writer);
    pthread_mutex_destroy(&app->write_lock);
    pthread_mutex_destroy(&app->readers_lock);
    ratelimit_destroy(&app->ratelimit);
    cache_destroy(&app->cache);
    app->readers = NULL;
    app->writer = NULL;
    app->n_readers = app->cap_readers = 0;
}

struct db *app_reader(struct app *app)
{
    if (tls_reader.app == app && tls_reader.generation == app->generation && tls_reader.db)
        return tls_reader.db;
    char err[256];
    struct db *db = NULL;
    if (db_open(app->cfg.db_path, DB_READ, &db, err, sizeof err) != DB_OK) {
        fprintf(stderr, "quoted: cannot open a read connection: %s\n", err);
        return NULL;
    }
    pthread_mutex_lock(&app->readers_lock);
    if (app->n_readers == app->cap_readers) {
        size_t nc = app->cap_readers ? app->cap_readers * 2 : 8;
        struct db **p = realloc(app->readers, nc * sizeof *p);
        if (!p) {
            pthread_mutex_unlock(&app->readers_lock);
            db_close(db);
            return NULL;
        }
        app->readers = p;
        app->cap_readers = nc;
    }
    app->readers[app->n_readers++] = db;
    pthread_mutex_unlock(&app->readers_lock);
    tls_reader = (struct reader_slot){app, app->generation, db};
    return db;
}

struct db *app_writer_lock(struct app *app)
{
    pthread_mutex_lock(&app->write_lock);
    return app->writer;
}

void app_writer_unlock(struct app *app)
{
    atomic_fetch_add(&app->write_generation, 1);
    pthread_mutex_unlock(&app->write_lock);
}

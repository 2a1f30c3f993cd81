/* cache.h — the response cache of GET requests. Between two writes the
 * answer to a given GET never changes, so its serialised body is kept and
 * served again without touching the database or building JSON. Every write
 * moves the application's write generation on (app_writer_unlock), which
 * invalidates every entry at once: an entry is used only while its
 * generation is the current one.
 *
 * The table is direct-mapped (a key has one slot; a newer key takes the
 * slot over) with one lock per stripe of slots, and holds at most
 * `budget` bytes of bodies, so memory stays bounded. */
#ifndef QUOTED_CACHE_H
#define QUOTED_CACHE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CACHE_SLOTS 4096
#define CACHE_STRIPES 64

struct cache_slot {
    uint64_t hash;            /* 0 = empty */
    uint64_t generation;
    char *key;
    char *body;
    size_t len;
    const char *content_type; /* static string */
    char *link_next;
    char etag[24];
};

struct response_cache {
    size_t budget;            /* most bytes of keys and bodies held; 0 = no cache */
    size_t max_entry;         /* larger bodies are not kept */
    atomic_size_t used;
    pthread_mutex_t locks[CACHE_STRIPES];
    struct cache_slot slots[CACHE_SLOTS];
};

/* A copy of a cached answer; the caller frees body and link_next. */
struct cache_hit {
    char *body;
    size_t len;
    const char *content_type;
    char *link_next;
    char etag[24];
};

void cache_init(struct response_cache *c, size_t budget);
void cache_destroy(struct response_cache *c);

/* Look `key` up for `generation`; on a hit fill *hit (new copies) and
 * return true. */
bool cache_get(struct response_cache *c, const char *key, uint64_t generation, struct cache_hit *hit);

/* Keep a copy of an answer computed at `generation`. Silently does nothing
 * when the body is too large, the budget is spent or memory is short. */
void cache_put(struct response_cache *c, const char *key, uint64_t generation, const char *body,
               size_t len, const char *content_type, const char *link_next, const char *etag);

#endif

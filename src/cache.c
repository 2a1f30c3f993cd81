/* cache.c — a bounded, striped, direct-mapped cache of GET responses. */
#include "cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash_key(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h ? h : 1;
}

void cache_init(struct response_cache *c, size_t budget)
{
    memset(c->slots, 0, sizeof c->slots);
    c->budget = budget;
    c->max_entry = budget / 64 > 1024 ? budget / 64 : 1024;
    atomic_store(&c->used, 0);
    for (int i = 0; i < CACHE_STRIPES; i++)
        pthread_mutex_init(&c->locks[i], NULL);
}

static void slot_clear(struct response_cache *c, struct cache_slot *s)
{
    if (s->hash)
        atomic_fetch_sub(&c->used, s->len + strlen(s->key) + 1);
    free(s->key);
    free(s->body);
    free(s->link_next);
    memset(s, 0, sizeof *s);
}

void cache_destroy(struct response_cache *c)
{
    for (int i = 0; i < CACHE_SLOTS; i++)
        slot_clear(c, &c->slots[i]);
    for (int i = 0; i < CACHE_STRIPES; i++)
        pthread_mutex_destroy(&c->locks[i]);
}

bool cache_get(struct response_cache *c, const char *key, uint64_t generation, struct cache_hit *hit)
{
    if (!c->budget)
        return false;
    uint64_t h = hash_key(key);
    size_t i = h % CACHE_SLOTS;
    pthread_mutex_t *lock = &c->locks[i % CACHE_STRIPES];
    bool found = false;
    pthread_mutex_lock(lock);
    struct cache_slot *s = &c->slots[i];
    if (s->hash == h && s->generation == generation && strcmp(s->key, key) == 0) {
        hit->body = malloc(s->len + 1);
        hit->link_next = s->link_next ? strdup(s->link_next) : NULL;
        if (hit->body && (!s->link_next || hit->link_next)) {
            memcpy(hit->body, s->body, s->len + 1);
            hit->len = s->len;
            hit->content_type = s->content_type;
            memcpy(hit->etag, s->etag, sizeof hit->etag);
            found = true;
        } else {
            free(hit->body);
            free(hit->link_next);
        }
    }
    pthread_mutex_unlock(lock);
    return found;
}

void cache_put(struct response_cache *c, const char *key, uint64_t generation, const char *body,
               size_t len, const char *content_type, const char *link_next, const char *etag)
{
    size_t cost = len + strlen(key) + 1;
    if (!c->budget || len > c->max_entry)
        return;
    uint64_t h = hash_key(key);
    size_t i = h % CACHE_SLOTS;
    pthread_mutex_t *lock = &c->locks[i % CACHE_STRIPES];
    pthread_mutex_lock(lock);
    struct cache_slot *s = &c->slots[i];
    slot_clear(c, s); /* a stale or other entry gives its place */
    if (atomic_load(&c->used) + cost <= c->budget) {
        s->key = strdup(key);
        s->body = malloc(len + 1);
        s->link_next = link_next ? strdup(link_next) : NULL;
        if (s->key && s->body && (!link_next || s->link_next)) {
            memcpy(s->body, body, len);
            s->body[len] = '\0';
            s->len = len;
            s->content_type = content_type;
            snprintf(s->etag, sizeof s->etag, "%s", etag ? etag : "");
            s->generation = generation;
            s->hash = h;
            atomic_fetch_add(&c->used, cost);
        } else {
            free(s->key);
            free(s->body);
            free(s->link_next);
            memset(s, 0, sizeof *s);
        }
    }
    pthread_mutex_unlock(lock);
}

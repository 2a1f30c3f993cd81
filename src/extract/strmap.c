/* strmap.c — open addressing with linear probing over FNV-1a hashes; the
 * table doubles when it is more than half full. */
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

static unsigned hash_bytes(const char *k, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)k[i];
        h *= 16777619u;
    }
    return h;
}

static struct strmap_slot *find(const struct strmap *m, const char *k, size_t n, unsigned h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct strmap_slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->len == n && memcmp(s->key, k, n) == 0))
            return s;
    }
}

int *strmap_get(const struct strmap *m, const char *k, size_t n)
{
    if (!m->cap)
        return NULL;
    struct strmap_slot *s = find(m, k, n, hash_bytes(k, n));
    return s->key ? &s->value : NULL;
}

static int rehash(struct strmap *m)
{
    size_t nc = m->cap ? m->cap * 2 : 64;
    struct strmap_slot *ns = calloc(nc, sizeof *ns);
    if (!ns)
        return -1;
    struct strmap old = *m;
    m->slots = ns;
    m->cap = nc;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            *find(m, old.slots[i].key, old.slots[i].len, old.slots[i].hash) = old.slots[i];
    free(old.slots);
    return 0;
}

int *strmap_put(struct strmap *m, const char *k, size_t n, int v)
{
    if ((m->count + 1) * 2 > m->cap && rehash(m))
        return NULL;
    unsigned h = hash_bytes(k, n);
    struct strmap_slot *s = find(m, k, n, h);
    if (s->key)
        return &s->value;
    char *copy = malloc(n + 1);
    if (!copy)
        return NULL;
    memcpy(copy, k, n);
    copy[n] = '\0';
    *s = (struct strmap_slot){copy, n, h, v};
    m->count++;
    return &s->value;
}

void strmap_free(struct strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

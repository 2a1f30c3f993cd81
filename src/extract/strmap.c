/* strmap.c — open addressing with linear probing over strmap_hash(); the
 * table doubles when it is more than half full. Keys live back to back in
 * one block that grows geometrically, so a put costs no allocation of its
 * own and strmap_free() releases two blocks. */
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

/* Re-home every slot into a table of nc slots (a power of two). */
static int rehash(struct strmap *m, size_t nc)
{
    struct strmap_slot *ns = calloc(nc, sizeof *ns);
    if (!ns)
        return -1;
    struct strmap_slot *old = m->slots;
    size_t old_cap = m->cap;
    m->slots = ns;
    m->cap = nc;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].koff) {
            size_t mask = nc - 1, j = old[i].hash & mask;
            while (ns[j].koff)
                j = (j + 1) & mask;
            ns[j] = old[i];
        }
    free(old);
    return 0;
}

/* Make the key block hold at least `need` bytes. */
static int keys_room(struct strmap *m, size_t need)
{
    if (need <= m->keys_cap)
        return 0;
    size_t nc = m->keys_cap ? m->keys_cap : 256;
    while (nc < need)
        nc *= 2;
    if (nc > UINT32_MAX)
        return -1;
    char *p = realloc(m->keys, nc);
    if (!p)
        return -1;
    if (!m->keys)
        p[0] = '\0'; /* offset 0 is the empty marker */
    m->keys = p;
    m->keys_cap = nc;
    if (!m->keys_len)
        m->keys_len = 1;
    return 0;
}

int strmap_reserve(struct strmap *m, size_t n, size_t bytes)
{
    size_t nc = m->cap ? m->cap : 64;
    while ((m->count + n) * 2 > nc)
        nc *= 2;
    if (nc > m->cap && rehash(m, nc))
        return -1;
    return keys_room(m, (m->keys_len ? m->keys_len : 1) + bytes);
}

/* The slot hash of a tagged key whose string hashes to h. */
static unsigned tagged_hash(char tag, unsigned h)
{
    return h ^ ((unsigned)(unsigned char)tag * 0x9E3779B1u);
}

/* find() for a tagged key (ht: tagged_hash()). */
static struct strmap_slot *find_tagged(const struct strmap *m, char tag, const char *k, size_t n, unsigned ht)
{
    size_t mask = m->cap - 1;
    for (size_t i = ht & mask;; i = (i + 1) & mask) {
        struct strmap_slot *s = &m->slots[i];
        if (!s->koff || (s->hash == ht && s->len == n + 1 && m->keys[s->koff] == tag &&
                         strmap_same_bytes(m->keys + s->koff + 1, k, n)))
            return s;
    }
}

int *strmap_get_tagged(const struct strmap *m, char tag, const char *k, size_t n, unsigned h)
{
    if (!m->cap)
        return NULL;
    struct strmap_slot *s = find_tagged(m, tag, k, n, tagged_hash(tag, h));
    return s->koff ? &s->value : NULL;
}

int *strmap_put_tagged(struct strmap *m, char tag, const char *k, size_t n, unsigned h, int v)
{
    if ((m->count + 1) * 2 > m->cap && rehash(m, m->cap ? m->cap * 2 : 64))
        return NULL;
    unsigned ht = tagged_hash(tag, h);
    struct strmap_slot *s = find_tagged(m, tag, k, n, ht);
    if (s->koff)
        return &s->value;
    if (keys_room(m, (m->keys_len ? m->keys_len : 1) + n + 2))
        return NULL;
    size_t off = m->keys_len;
    m->keys[off] = tag;
    memcpy(m->keys + off + 1, k, n);
    m->keys[off + n + 1] = '\0';
    m->keys_len = off + n + 2;
    *s = (struct strmap_slot){(uint32_t)off, (uint32_t)(n + 1), ht, v};
    m->count++;
    return &s->value;
}

void strmap_free(struct strmap *m)
{
    free(m->slots);
    free(m->keys);
    memset(m, 0, sizeof *m);
}

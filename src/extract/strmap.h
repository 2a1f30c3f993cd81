/* strmap.h — a small open-addressing hash map from byte strings to ints,
 * used by the actors pass to index folded names and words so that a long
 * article costs linear time.
 *
 * The map copies every key it stores into one growing block of its own
 * (no allocation per key) and frees it in strmap_free(). It is owned by one
 * caller at a time (no locking). */
#ifndef QUOTED_STRMAP_H
#define QUOTED_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Hash of k[0..n), eight bytes at a time: the hash of the map and of the
 * lexicon indexes. Any function of the bytes alone would do; this one costs
 * a multiply per eight bytes instead of one per byte. */
static inline unsigned strmap_hash(const char *k, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ (uint64_t)n;
    for (; n >= 8; k += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, k, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    unsigned sh = 0;
    if (n & 4) {
        uint32_t v;
        memcpy(&v, k, 4);
        w = v;
        k += 4;
        sh = 32;
    }
    if (n & 2) {
        uint16_t v;
        memcpy(&v, k, 2);
        w |= (uint64_t)v << sh;
        k += 2;
        sh += 16;
    }
    if (n & 1)
        w |= (uint64_t)(unsigned char)*k << sh;
    h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 29;
    return (unsigned)(h ^ (h >> 32));
}

/* memcmp(a, b, n) == 0 without a call for the short words most keys are. */
static inline bool strmap_same_bytes(const char *a, const char *b, size_t n)
{
    if (n > 16)
        return memcmp(a, b, n) == 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

struct strmap_slot {
    uint32_t koff;      /* offset of the key in strmap.keys, 0 when empty */
    uint32_t len;
    unsigned hash;
    int value;
};

struct strmap {
    struct strmap_slot *slots;
    size_t cap, count;      /* cap is 0 or a power of two */
    char *keys;             /* the keys back to back, each NUL-terminated;
                             * byte 0 is unused so that offset 0 means empty */
    size_t keys_len, keys_cap;
};

/* Make room for n keys in all (slots) and about `bytes` bytes of keys, so
 * that filling a map of known size does not rehash. 0, or -1 on allocation
 * failure (the map is unchanged and still usable). */
int strmap_reserve(struct strmap *m, size_t n, size_t bytes);

/* Keys are tagged: one byte `tag` followed by k[0..n), whose
 * strmap_hash(k, n) the caller gives in h, so that a string probed under
 * several tags is hashed once and no key is assembled in a buffer.
 * strmap_get_tagged(): pointer to the value
 * stored, valid until the next put, or NULL when absent;
 * strmap_put_tagged(): store v for the key unless it is present (then keep
 * the old value), and return a pointer to the stored value, NULL on
 * allocation failure. */
int *strmap_get_tagged(const struct strmap *m, char tag, const char *k, size_t n, unsigned h);
int *strmap_put_tagged(struct strmap *m, char tag, const char *k, size_t n, unsigned h, int v);

/* Release the keys and the slots; the map is empty and reusable. */
void strmap_free(struct strmap *m);

#endif

/* strmap.h — a small open-addressing hash map from byte strings to ints,
 * used by the actors pass to index folded names and words so that a long
 * article costs linear time.
 *
 * The map copies every key it stores and frees them in strmap_free(). It is
 * owned by one caller at a time (no locking). */
#ifndef QUOTED_STRMAP_H
#define QUOTED_STRMAP_H

#include <stddef.h>

struct strmap_slot {
    char *key;      /* NUL-terminated copy, NULL when the slot is empty */
    size_t len;
    unsigned hash;
    int value;
};

struct strmap {
    struct strmap_slot *slots;
    size_t cap, count;      /* cap is 0 or a power of two */
};

/* Pointer to the value stored for k[0..n), or NULL when absent. The pointer
 * stays valid until the next strmap_put(). */
int *strmap_get(const struct strmap *m, const char *k, size_t n);

/* Store v for k[0..n) unless the key is present (then keep the old value).
 * Returns a pointer to the stored value, NULL on allocation failure. */
int *strmap_put(struct strmap *m, const char *k, size_t n, int v);

/* Release every key and the slots; the map is empty and reusable. */
void strmap_free(struct strmap *m);

#endif

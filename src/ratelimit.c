/* ratelimit.c — token buckets per client address. */
#include "ratelimit.h"

#include <math.h>
#include <string.h>

void ratelimit_init(struct ratelimit *rl, double rate)
{
    memset(rl->slots, 0, sizeof rl->slots);
    rl->rate = rate;
    pthread_mutex_init(&rl->lock, NULL);
}

void ratelimit_destroy(struct ratelimit *rl)
{
    pthread_mutex_destroy(&rl->lock);
}

static uint64_t hash_addr(const void *addr, size_t len)
{
    const unsigned char *p = addr;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h ? h : 1;
}

bool ratelimit_take(struct ratelimit *rl, const void *addr, size_t len, uint64_t now_us, int *retry_after_s)
{
    if (rl->rate <= 0)
        return true;
    uint64_t key = hash_addr(addr, len);
    double burst = rl->rate * 2 > 1 ? rl->rate * 2 : 1;
    pthread_mutex_lock(&rl->lock);
    struct ratelimit_bucket *b = &rl->slots[key % RATELIMIT_SLOTS];
    if (b->key != key) { /* a new client, or one that took over the slot */
        b->key = key;
        b->tokens = burst;
        b->last_us = now_us;
    }
    double elapsed = (double)(now_us - b->last_us) / 1e6;
    b->tokens = fmin(burst, b->tokens + elapsed * rl->rate);
    b->last_us = now_us;
    bool ok = b->tokens >= 1.0;
    if (ok)
        b->tokens -= 1.0;
    else
        *retry_after_s = (int)ceil((1.0 - b->tokens) / rl->rate);
    pthread_mutex_unlock(&rl->lock);
    if (!ok && *retry_after_s < 1)
        *retry_after_s = 1;
    return ok;
}

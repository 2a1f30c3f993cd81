/* ratelimit.h — an optional per-client request rate limit: a token bucket
 * per client address, refilled at `rate` requests per second up to a burst
 * of twice that. A fixed table of buckets, hashed by address, bounds the
 * memory whatever the number of clients; two clients that share a slot
 * share a bucket, which errs on the side of limiting. */
#ifndef QUOTED_RATELIMIT_H
#define QUOTED_RATELIMIT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RATELIMIT_SLOTS 4096

struct ratelimit_bucket {
    uint64_t key;       /* hash of the client address; 0 = unused */
    double tokens;
    uint64_t last_us;
};

struct ratelimit {
    double rate;        /* requests per second; 0 = no limit */
    pthread_mutex_t lock;
    struct ratelimit_bucket slots[RATELIMIT_SLOTS];
};

/* Set up `rl` (rate 0 disables it). */
void ratelimit_init(struct ratelimit *rl, double rate);
void ratelimit_destroy(struct ratelimit *rl);

/* Take one token for the client whose address is addr[0..len) at time
 * now_us. Returns true when the request may proceed; otherwise false and
 * *retry_after_s is how long until a token is back (at least 1). */
bool ratelimit_take(struct ratelimit *rl, const void *addr, size_t len, uint64_t now_us, int *retry_after_s);

#endif

package io.mita.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The same token buckets in this process's memory, for while Redis is unreachable: same capacities and
 * periods, counted per gateway instance (with N instances a client may get up to N times its limit
 * during an outage — never unlimited). At most {@code maxKeys} buckets are kept; the least recently
 * used go first, and an idle bucket goes after the longest period (it would be full again anyway).
 */
class LocalTokenBuckets {

    private final Cache<String, LocalBucket> buckets;
    private final LongSupplier nanoClock;

    LocalTokenBuckets(int maxKeys, Duration longestPeriod, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(longestPeriod)
                .build();
    }

    BucketState take(Bucket bucket) {
        long now = nanoClock.getAsLong();
        LocalBucket local = buckets.get(bucket.key(), key -> new LocalBucket(bucket.capacity(), now));
        return local.take(bucket.capacity(), bucket.period().toNanos(), now);
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /** The same arithmetic as the Lua script, in nanoseconds. */
    static final class LocalBucket {

        private double tokens;
        private long updatedAt;

        LocalBucket(int capacity, long now) {
            this.tokens = capacity;
            this.updatedAt = now;
        }

        synchronized BucketState take(int capacity, long periodNanos, long now) {
            double perNano = (double) capacity / periodNanos;
            long elapsed = Math.max(0, now - updatedAt);
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            updatedAt = now;
            boolean allowed = tokens >= 1;
            long waitNanos = 0;
            if (allowed) {
                tokens -= 1;
            } else {
                waitNanos = (long) Math.ceil((1 - tokens) / perNano);
            }
            long untilFullNanos = (long) Math.ceil((capacity - tokens) / perNano);
            return new BucketState(
                    allowed,
                    (long) Math.floor(tokens),
                    nanosToMillisCeil(untilFullNanos),
                    nanosToMillisCeil(waitNanos));
        }

        private static long nanosToMillisCeil(long nanos) {
            return (nanos + 999_999) / 1_000_000;
        }
    }
}

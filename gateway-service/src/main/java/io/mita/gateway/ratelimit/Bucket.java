package io.mita.gateway.ratelimit;

import java.time.Duration;

/**
 * A bucket a request takes a token from.
 *
 * @param rule     the rule's name (metrics)
 * @param key      the storage key: {@code <prefix>:{<rule>:<sha-256 of kind and value>}}; the braces are a
 *                 Redis Cluster hash tag, so everything stored for one bucket shares a slot
 * @param capacity the bucket's size
 * @param period   time to fill up from empty
 * @param batch    tokens this gateway takes from Redis at once and hands out from its local share
 *                 ({@link LeasedTokenBuckets}); 1 = every request asks Redis
 */
record Bucket(String rule, String key, int capacity, Duration period, int batch) {

    Bucket {
        batch = Math.max(1, Math.min(batch, capacity));
    }

    /** A bucket every request asks Redis for. */
    Bucket(String rule, String key, int capacity, Duration period) {
        this(rule, key, capacity, period, 1);
    }
}

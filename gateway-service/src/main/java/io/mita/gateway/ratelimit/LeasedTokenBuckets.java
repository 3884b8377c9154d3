package io.mita.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * A local share of each high-volume bucket, so that most requests cost no Redis round trip: the first request
 * of a bucket takes up to {@code batch} tokens from the bucket in Redis in one call (the same atomic script),
 * and the following requests are granted from that share in memory until it is spent; then one call takes the
 * next batch. A request that finds the share empty waits for the one call in flight for its bucket (calls are
 * not repeated per request). When Redis answers that the bucket is empty, the refusal is kept until the time
 * Redis named for the next token, and requests are refused here without asking again.
 *
 * <p>The global limit holds: every granted request spent a token that Redis handed out, so across any number
 * of instances the requests allowed never exceed what the bucket in Redis allowed. What the share changes is
 * <em>when</em> tokens are spent: a share taken at one moment may be spent a little later, so in any window the
 * requests allowed can exceed capacity + rate × window by at most the shares held at its start — at most
 * {@code instances × (batch − 1)} tokens — and a share older than {@code maxAge} is not spent: its leftover is
 * given back to Redis with this instance's next call for the bucket. In the other direction, a client spread
 * over instances may be refused while up to {@code (instances − 1) × (batch − 1)} of its tokens sit unused in
 * the other instances' shares, until they expire and are given back. The {@code X-RateLimit-Remaining} of a
 * request granted here is an estimate: what Redis had left at the last call plus this instance's share.
 *
 * <p>Redis failures are the caller's ({@link TokenBucketLimiter}): the call fails and the in-memory fallback
 * decides, as for every other bucket. Calls to Redis are counted in {@code mita.gateway.ratelimit.leases{rule}}.
 */
class LeasedTokenBuckets {

    static final String LEASES_METRIC = "mita.gateway.ratelimit.leases";

    private final RedisTokenBuckets redis;
    private final Cache<String, Share> shares;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final MeterRegistry meters;
    private final Map<String, Counter> leasesByRule = new ConcurrentHashMap<>();

    LeasedTokenBuckets(
            RedisTokenBuckets redis,
            int maxKeys,
            Duration longestPeriod,
            Duration maxAge,
            LongSupplier nanoClock,
            MeterRegistry meters) {
        this.redis = redis;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
        this.shares = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(longestPeriod)
                .build();
        this.meters = meters;
    }

    /** A token from the bucket's local share, or null when this needs Redis (the share is spent or too old). */
    BucketState tryLocal(Bucket bucket) {
        Share share = shares.getIfPresent(bucket.key());
        if (share == null) {
            return null;
        }
        synchronized (share) {
            return share.take(bucket, nanoClock.getAsLong(), maxAgeNanos);
        }
    }

    /**
     * A token from the local share, taking the next batch from Redis when it is spent. A loop, not a recursion: a
     * request that waited for a call whose batch the other waiters spent first tries again, and waits for the next
     * call, as many times as that happens; each round either grants or is refused (Redis grants at least one token or
     * names a refusal), so it ends.
     */
    Mono<BucketState> take(Bucket bucket) {
        return Mono.defer(() -> takeOrWait(bucket)).repeatWhenEmpty(rounds -> rounds);
    }

    /** A token or a remembered refusal; empty once the call to Redis that this request waited for has answered. */
    private Mono<BucketState> takeOrWait(Bucket bucket) {
        Share share = shares.get(bucket.key(), key -> new Share());
        CompletableFuture<Void> pending;
        synchronized (share) {
            long now = nanoClock.getAsLong();
            BucketState local = share.take(bucket, now, maxAgeNanos);
            if (local != null) {
                return Mono.just(local);
            }
            if (share.refill == null || share.refill.isDone()) {
                int returned = share.giveBack();
                leasesByRule.computeIfAbsent(bucket.rule(), this::leaseCounter).increment();
                share.refill = redis.lease(bucket, bucket.batch(), returned)
                        .doOnNext(grant -> {
                            synchronized (share) {
                                share.granted(grant, nanoClock.getAsLong());
                            }
                        })
                        .then()
                        .toFuture();
            }
            pending = share.refill;
        }
        // the call is shared by every request waiting for this bucket: one of them going away must not cancel it
        return Mono.fromFuture(pending, true).then(Mono.empty());
    }

    /** Built once per rule: a lease happens every batch of requests, on the event loop. */
    private Counter leaseCounter(String rule) {
        return Counter.builder(LEASES_METRIC)
                .description("calls to Redis that take a batch of tokens for a local share, by rule")
                .tag("rule", rule)
                .register(meters);
    }

    long size() {
        shares.cleanUp();
        return shares.estimatedSize();
    }

    /** One bucket's local share on this instance. Guarded by its own monitor. */
    static final class Share {

        private int tokens;
        private long grantedAt;
        private long remainingInRedis;
        private long refusedUntil;
        private boolean refused;
        private CompletableFuture<Void> refill;

        /** A token from the share, a remembered refusal, or null when Redis must be asked. */
        BucketState take(Bucket bucket, long now, long maxAgeNanos) {
            if (refused) {
                if (now - refusedUntil < 0) {
                    return new BucketState(false, 0, millisUntilFull(bucket, 0), ceilMillis(refusedUntil - now));
                }
                refused = false;
            }
            if (tokens > 0 && now - grantedAt < maxAgeNanos) {
                tokens--;
                long remaining = remainingInRedis + tokens;
                return new BucketState(true, remaining, millisUntilFull(bucket, remaining), 0);
            }
            return null;
        }

        /** The leftover of an expired share, now given back (0 when there is none). */
        int giveBack() {
            int leftover = tokens;
            tokens = 0;
            return leftover;
        }

        void granted(RedisTokenBuckets.Grant grant, long now) {
            if (grant.granted() > 0) {
                tokens += grant.granted();
                grantedAt = now;
                remainingInRedis = grant.state().remaining();
                refused = false;
            } else {
                refused = true;
                refusedUntil = now + Math.max(1, grant.state().millisUntilToken()) * 1_000_000L;
            }
        }

        private static long millisUntilFull(Bucket bucket, long remaining) {
            long missing = Math.max(0, bucket.capacity() - remaining);
            return (long) Math.ceil((double) missing * bucket.period().toMillis() / bucket.capacity());
        }

        private static long ceilMillis(long nanos) {
            return (nanos + 999_999) / 1_000_000;
        }
    }
}

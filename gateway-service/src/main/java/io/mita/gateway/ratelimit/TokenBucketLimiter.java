package io.mita.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Takes a token from each of a request's buckets: in Redis while Redis is usable (through this instance's
 * local share, {@link LeasedTokenBuckets}, for buckets with a batch above 1), otherwise from the
 * in-memory fallback — the gateway never answers 500 because of Redis and never lets a request through
 * unlimited. A request waits for Redis at most {@code redisTimeout}; the first failure switches every
 * request to the fallback (a breaker: requests do not each wait for a dead Redis), and a background
 * probe pings Redis every {@code redisRetryAfter} until it answers. Requests never open a connection to
 * Redis themselves (Spring Data opens the shared one synchronously): the probe does, off the event loop.
 * Each outage is logged once at WARN (its end at INFO); every request the fallback decides is counted
 * in {@code mita.gateway.ratelimit.fallback}, and {@code mita.gateway.ratelimit.redis.usable} is 1 or 0.
 */
class TokenBucketLimiter implements SmartLifecycle {

    static final String FALLBACK_METRIC = "mita.gateway.ratelimit.fallback";
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(TokenBucketLimiter.class);

    private final RedisTokenBuckets redis;
    private final LeasedTokenBuckets leased;
    private final LocalTokenBuckets local;
    private final Duration redisTimeout;
    private final Duration redisRetryAfter;
    private final Counter fallbacks;
    /** True from the first failure (or from startup until Redis first answers) until the probe succeeds. */
    private final AtomicBoolean outage = new AtomicBoolean(true);

    private volatile boolean outageLogged;
    private volatile Disposable probe;

    TokenBucketLimiter(
            RedisTokenBuckets redis,
            LeasedTokenBuckets leased,
            LocalTokenBuckets local,
            Duration redisTimeout,
            Duration redisRetryAfter,
            MeterRegistry meters) {
        this.redis = redis;
        this.leased = leased;
        this.local = local;
        this.redisTimeout = redisTimeout;
        this.redisRetryAfter = redisRetryAfter;
        this.fallbacks = Counter.builder(FALLBACK_METRIC)
                .description("requests whose rate limit the in-memory fallback decided because Redis was unusable")
                .register(meters);
        Gauge.builder("mita.gateway.ratelimit.redis.usable", outage, down -> down.get() ? 0 : 1)
                .description("1 while rate limits are kept in Redis, 0 while the in-memory fallback decides")
                .register(meters);
    }

    Mono<RateLimitVerdict> take(List<Bucket> buckets) {
        if (outage.get()) {
            return Mono.fromSupplier(() -> fallback(buckets));
        }
        // most requests are decided by the local shares alone: no Redis call, no timer
        List<BucketState> states = new ArrayList<>(buckets.size());
        boolean allLocal = true;
        for (Bucket bucket : buckets) {
            BucketState state = bucket.batch() > 1 ? leased.tryLocal(bucket) : null;
            allLocal &= state != null;
            states.add(state);
        }
        if (allLocal) {
            return Mono.just(RateLimitVerdict.of(buckets, states));
        }
        return Flux.range(0, buckets.size())
                .flatMapSequential(i -> states.get(i) != null ? Mono.just(states.get(i)) : shared(buckets.get(i)))
                .collectList()
                .timeout(redisTimeout)
                .map(taken -> RateLimitVerdict.of(buckets, taken))
                .onErrorResume(failure -> {
                    redisFailed(failure);
                    return Mono.fromSupplier(() -> fallback(buckets));
                });
    }

    private Mono<BucketState> shared(Bucket bucket) {
        return bucket.batch() > 1 ? leased.take(bucket) : redis.take(bucket);
    }

    private RateLimitVerdict fallback(List<Bucket> buckets) {
        fallbacks.increment();
        return RateLimitVerdict.of(buckets, buckets.stream().map(local::take).toList());
    }

    private void redisFailed(Throwable failure) {
        if (outage.compareAndSet(false, true)) {
            outageLogged = true;
            log.warn(
                    "Redis unusable for rate limits, the in-memory fallback decides until it answers again "
                            + "(probed every {} ms): {}",
                    redisRetryAfter.toMillis(),
                    describe(failure));
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root == failure ? failure.toString() : failure + " caused by " + root;
    }

    /** One ping, on a thread that may block while Lettuce connects. */
    private Mono<Boolean> probeOnce() {
        return Mono.defer(redis::ping)
                .subscribeOn(Schedulers.boundedElastic())
                // Lettuce's connect and command timeouts end a ping; this only guards against a hang
                .timeout(PROBE_TIMEOUT)
                .map(pong -> true)
                .onErrorResume(failure -> {
                    if (!outageLogged) {
                        outageLogged = true;
                        log.warn(
                                "Redis unreachable for rate limits, the in-memory fallback decides until it answers "
                                        + "(probed every {} ms): {}",
                                redisRetryAfter.toMillis(),
                                describe(failure));
                    }
                    return Mono.just(false);
                })
                .doOnNext(usable -> {
                    if (usable && outage.compareAndSet(true, false)) {
                        if (outageLogged) {
                            log.info("Redis answers again: rate limits are shared across gateway instances again");
                        }
                        outageLogged = false;
                    }
                });
    }

    boolean redisUsable() {
        return !outage.get();
    }

    @Override
    public void start() {
        probe = Flux.interval(Duration.ZERO, redisRetryAfter)
                .onBackpressureDrop()
                .filter(tick -> outage.get())
                .concatMap(tick -> probeOnce(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = probe;
        if (running != null) {
            running.dispose();
        }
        probe = null;
    }

    @Override
    public boolean isRunning() {
        return probe != null && !probe.isDisposed();
    }
}

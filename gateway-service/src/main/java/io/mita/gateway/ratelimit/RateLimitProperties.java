package io.mita.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's rate limits: token buckets in Redis, with an in-memory fallback while Redis is away.
 *
 * @param enabled          off only for benchmarks of the bare proxy
 * @param keyPrefix        prefix of every Redis key (tests use one per run)
 * @param redisTimeout     the longest a request waits for Redis before the fallback decides
 * @param redisRetryAfter  after a Redis failure, how long the fallback decides alone before Redis is tried again
 * @param fallbackMaxKeys  most buckets the in-memory fallback keeps (least recently used go first)
 * @param excludedPaths    never limited (operations endpoints: probes and scrapes come from one address)
 * @param rules            name → rule; every rule whose paths and methods match a request applies
 *                         (a login counts against its IP bucket and its e-mail bucket); names are
 *                         lower-case words so an environment variable can address them
 *                         ({@code MITA_GATEWAY_RATELIMITS_RULES_LOGINIP_CAPACITY})
 * @param defaultRule      applies to a request no rule matches (its paths and methods are ignored)
 * @param tokenCheck       per client address, in front of the token check: requests that carry a bearer
 *                         token (each costs a signature check, valid or not)
 * @param leaseMaxAge      how long a local share of a bucket ({@code local-batch} above 1) may be spent before
 *                         its leftover goes back to Redis ({@link LeasedTokenBuckets})
 */
@Validated
@ConfigurationProperties("mita.gateway.rate-limits")
record RateLimitProperties(
        boolean enabled,
        @NotBlank String keyPrefix,
        @NotNull Duration redisTimeout,
        @NotNull Duration redisRetryAfter,
        @Min(1) int fallbackMaxKeys,
        List<String> excludedPaths,
        Map<String, @Valid Rule> rules,
        @NotNull @Valid Rule defaultRule,
        @NotNull @Valid AddressLimit tokenCheck,
        @NotNull Duration leaseMaxAge) {

    RateLimitProperties {
        rules = rules == null ? Map.of() : rules;
        excludedPaths = excludedPaths == null ? List.of() : excludedPaths;
    }

    /**
     * @param paths    path patterns ({@code /api/auth/password-reset/**})
     * @param methods  methods (all when empty)
     * @param capacity requests allowed in a burst: the bucket's size
     * @param period   time in which an empty bucket fills up again (capacity / period is the sustained rate)
     * @param key      what the bucket counts per
     * @param localBatch tokens each gateway instance takes from Redis at once and grants from memory (1, the
     *                 default: every request asks Redis; at most the capacity)
     */
    record Rule(
            List<String> paths,
            List<String> methods,
            @Min(1) int capacity,
            @NotNull Duration period,
            @NotNull KeyKind key,
            @Min(1) Integer localBatch) {

        Rule {
            paths = paths == null ? List.of() : paths;
            methods = methods == null ? List.of() : methods;
            localBatch = localBatch == null ? 1 : localBatch;
        }
    }

    /**
     * A bucket per client address.
     *
     * @param capacity requests allowed in a burst
     * @param period   time in which an empty bucket fills up again
     * @param localBatch tokens each gateway instance takes from Redis at once (see {@link Rule#localBatch()})
     */
    record AddressLimit(
            @Min(1) int capacity,
            @NotNull Duration period,
            @Min(1) Integer localBatch) {

        AddressLimit {
            localBatch = localBatch == null ? 1 : localBatch;
        }
    }
}

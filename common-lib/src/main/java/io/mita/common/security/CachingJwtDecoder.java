package io.mita.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A token whose signature was verified once is not verified again while it lives: the decoded token is
 * kept under the SHA-256 of the whole token string (header, payload and signature), so a token that differs
 * in a single byte is a different key and goes through the full check. An entry leaves the cache when its
 * token expires, after {@code maxTtl} at the latest, or when the cache is full. The claim validators
 * (issuer, audience, expiry, not-before) still run on every hit, so a cached token that has expired is
 * refused. Hits and misses are counted in {@code mita.security.token.cache} ({@code result=hit|miss}).
 *
 * <p>Why: the RS256 check costs about a millisecond of CPU per request on a C1-compiled JVM and every
 * service repeated it on every request for a token that had already passed the same check.
 */
public final class CachingJwtDecoder implements ReactiveJwtDecoder {

    static final String METRIC = "mita.security.token.cache";

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<ByteBuffer, Jwt> verified;
    private final Counter hits;
    private final Counter misses;

    CachingJwtDecoder(
            ReactiveJwtDecoder verifier,
            OAuth2TokenValidator<Jwt> validator,
            TokenCacheProperties properties,
            MeterRegistry registry,
            Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(properties.maxSize())
                .expireAfter(new UntilTokenExpires(clock, properties.maxTtl()))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // housekeeping on the calling thread: no hop to the common pool from the event loop
                .executor(Runnable::run)
                .build();
        this.hits = Counter.builder(METRIC)
                .tag("result", "hit")
                .description("Access tokens found verified in the cache")
                .register(registry);
        this.misses = Counter.builder(METRIC)
                .tag("result", "miss")
                .description("Access tokens that went through the signature check")
                .register(registry);
        Gauge.builder(METRIC + ".size", verified, Cache::estimatedSize)
                .description("Verified access tokens held in the cache")
                .register(registry);
    }

    /**
     * {@code verifier} must check the signature and the claims (with {@code validator}) itself; the
     * returned decoder adds the cache when {@code properties.enabled()}, and is {@code verifier} otherwise.
     */
    public static ReactiveJwtDecoder over(
            ReactiveJwtDecoder verifier,
            OAuth2TokenValidator<Jwt> validator,
            TokenCacheProperties properties,
            MeterRegistry registry) {
        if (!properties.enabled()) {
            return verifier;
        }
        return new CachingJwtDecoder(verifier, validator, properties, registry, Clock.systemUTC());
    }

    @Override
    public Mono<Jwt> decode(String token) {
        ByteBuffer key = digest(token);
        Jwt known = verified.getIfPresent(key);
        if (known == null) {
            misses.increment();
            return verifier.decode(token).doOnNext(jwt -> remember(key, jwt));
        }
        hits.increment();
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(key);
            return Mono.error(new JwtValidationException(describe(result), result.getErrors()));
        }
        return Mono.just(known);
    }

    /** How many verified tokens the cache holds now (after pending evictions). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private void remember(ByteBuffer key, Jwt jwt) {
        if (jwt.getExpiresAt() != null) {
            verified.put(key, jwt);
        }
    }

    private static String describe(OAuth2TokenValidatorResult result) {
        OAuth2Error first = result.getErrors().iterator().next();
        return "An error occurred while attempting to decode the Jwt: " + first.getDescription();
    }

    private static ByteBuffer digest(String token) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** An entry lives until its token's {@code exp}, and no longer than {@code maxTtl}. */
    private record UntilTokenExpires(Clock clock, Duration maxTtl) implements Expiry<ByteBuffer, Jwt> {

        @Override
        public long expireAfterCreate(ByteBuffer key, Jwt jwt, long currentTime) {
            Duration untilExpiry = Duration.between(Instant.now(clock), jwt.getExpiresAt());
            Duration ttl = untilExpiry.compareTo(maxTtl) < 0 ? untilExpiry : maxTtl;
            return Math.max(0, ttl.toNanos());
        }

        @Override
        public long expireAfterUpdate(ByteBuffer key, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(ByteBuffer key, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}

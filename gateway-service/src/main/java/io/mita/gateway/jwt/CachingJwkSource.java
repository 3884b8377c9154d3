package io.mita.gateway.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * auth-service's public keys (JWKS), cached. A token whose {@code kid} the cached set lacks triggers
 * one refresh — a key rotation is picked up at once — but at most one per {@code minRefreshInterval},
 * and concurrent requests share one fetch: a flood of tokens with made-up key ids costs auth-service at
 * most one request per interval (Spring Security's remote JWK source fetches for every such token). The
 * set is also fetched again when older than {@code maxAge}, so removed keys stop being accepted. When a
 * fetch fails, the last good set is kept.
 */
class CachingJwkSource implements Function<SignedJWT, Flux<JWK>> {

    private static final Logger log = LoggerFactory.getLogger(CachingJwkSource.class);

    private record Snapshot(JWKSet keys, long fetchedAt) {}

    private final Mono<String> fetch;
    private final long maxAgeNanos;
    private final long minRefreshNanos;
    private final LongSupplier nanoClock;
    private volatile Snapshot snapshot;
    /** When an unknown key id last caused a fetch: only such fetches are rate-limited. */
    private volatile long lastUnknownKidRefresh;

    private Mono<Snapshot> inFlight;

    CachingJwkSource(Mono<String> fetch, Duration maxAge, Duration minRefreshInterval, LongSupplier nanoClock) {
        this.fetch = fetch;
        this.maxAgeNanos = maxAge.toNanos();
        this.minRefreshNanos = minRefreshInterval.toNanos();
        this.nanoClock = nanoClock;
        this.lastUnknownKidRefresh = nanoClock.getAsLong() - minRefreshNanos;
    }

    static CachingJwkSource over(WebClient web, String jwksUri, JwksProperties properties) {
        Mono<String> fetch =
                web.get().uri(jwksUri).retrieve().bodyToMono(String.class).timeout(properties.fetchTimeout());
        return new CachingJwkSource(fetch, properties.maxAge(), properties.minRefreshInterval(), System::nanoTime);
    }

    /** Loads the set as soon as the gateway runs, so the first request need not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void loadWhenReady() {
        load().subscribe();
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        return current().flatMapMany(cached -> {
            List<JWK> keys = selector.select(cached.keys());
            if (!keys.isEmpty()) {
                return Flux.fromIterable(keys);
            }
            return refreshIfAllowed(cached).flatMapIterable(fresh -> selector.select(fresh.keys()));
        });
    }

    private Mono<Snapshot> current() {
        Snapshot cached = snapshot;
        if (cached != null && nanoClock.getAsLong() - cached.fetchedAt() < maxAgeNanos) {
            return Mono.just(cached);
        }
        // too old (or none yet): fetch, but keep using the old set if the fetch fails; without any set no token
        // can be checked: the upstream (auth-service) is unavailable
        return refresh()
                .onErrorResume(failure ->
                        cached == null ? Mono.error(new KeySetUnavailableException(failure)) : Mono.just(cached));
    }

    /** Whether a key set was fetched at least once (the readiness of the gateway). */
    boolean hasKeys() {
        return snapshot != null;
    }

    /** Fetches the set (joining a fetch in flight); completes empty either way, a failure is logged. */
    Mono<Void> load() {
        return refresh().then().onErrorResume(failure -> Mono.empty());
    }

    /**
     * A token's key is missing from the set: fetch once, unless another unknown key id caused a fetch
     * moments ago. The first load and the periodic reload do not count, so a key rotated just after
     * the gateway fetched the set is still picked up by the first token that carries it.
     */
    private Mono<Snapshot> refreshIfAllowed(Snapshot cached) {
        long now = nanoClock.getAsLong();
        if (now - lastUnknownKidRefresh < minRefreshNanos) {
            return Mono.just(cached);
        }
        lastUnknownKidRefresh = now;
        return refresh().onErrorResume(failure -> Mono.just(cached));
    }

    /** One fetch at a time; callers arriving meanwhile share it. */
    private synchronized Mono<Snapshot> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        Mono<Snapshot> shared = fetch.map(CachingJwkSource::parse)
                .map(keys -> new Snapshot(keys, nanoClock.getAsLong()))
                .doOnNext(fresh -> snapshot = fresh)
                .doOnError(
                        failure -> log.warn("cannot fetch the JWKS, keeping the cached keys: {}", failure.toString()))
                .doFinally(signal -> clearInFlight())
                .cache();
        inFlight = shared;
        return shared;
    }

    private synchronized void clearInFlight() {
        inFlight = null;
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the JWKS is not a valid key set", e);
        }
    }
}

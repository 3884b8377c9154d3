package io.mita.gateway.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class CachingJwkSourceTest {

    private final ECKey first = key("key-1");
    private final ECKey second = key("key-2");
    private final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(first.toPublicJWK()));
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong(0);
    private final CachingJwkSource source = new CachingJwkSource(
            Mono.fromSupplier(() -> {
                fetches.incrementAndGet();
                return published.get().toString();
            }),
            Duration.ofMinutes(5),
            Duration.ofSeconds(10),
            nanos::get);

    @Test
    void fetchesTheKeySetOnceAndAnswersKnownKeysFromTheCache() {
        assertThat(keyIds(token(first))).containsExactly("key-1");
        assertThat(keyIds(token(first))).containsExactly("key-1");

        assertThat(fetches).hasValue(1);
    }

    @Test
    void refreshesOnceForAnUnknownKeyIdSoARotatedKeyIsAcceptedAtOnce() {
        keyIds(token(first));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));

        assertThat(keyIds(token(second))).containsExactly("key-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aKeyRotatedMomentsAfterTheFirstFetchIsStillAcceptedByItsFirstToken() {
        keyIds(token(first));
        published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));

        assertThat(keyIds(token(second))).containsExactly("key-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void refreshesAtMostOncePerIntervalHoweverManyUnknownKeyIdsArrive() {
        keyIds(token(first));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());

        for (int i = 0; i < 100; i++) {
            assertThat(keyIds(token(key("made-up-" + i)))).isEmpty();
        }
        assertThat(fetches)
                .as("one refresh for the first unknown id, none for the other 99")
                .hasValue(2);

        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        keyIds(token(key("made-up-again")));
        assertThat(fetches).hasValue(3);
    }

    @Test
    void fetchesAgainWhenTheCachedSetIsOlderThanItsMaximumAgeSoRemovedKeysGoAway() {
        keyIds(token(first));
        published.set(new JWKSet(second.toPublicJWK()));
        nanos.addAndGet(Duration.ofMinutes(6).toNanos());

        assertThat(keyIds(token(first))).isEmpty();
        assertThat(fetches).hasValue(2);
    }

    @Test
    void keepsTheLastGoodSetWhenAFetchFails() {
        AtomicInteger calls = new AtomicInteger();
        CachingJwkSource flaky = new CachingJwkSource(
                Mono.defer(() -> calls.getAndIncrement() == 0
                        ? Mono.just(new JWKSet(first.toPublicJWK()).toString())
                        : Mono.error(new IllegalStateException("auth-service is down"))),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                nanos::get);
        flaky.apply(token(first)).collectList().block();
        nanos.addAndGet(Duration.ofMinutes(6).toNanos());

        assertThat(flaky.apply(token(first)).map(JWK::getKeyID).collectList().block())
                .containsExactly("key-1");
        assertThat(calls).hasValue(2);
    }

    @Test
    void withoutAnySetAFailedFetchIsAnUnavailableUpstreamAndReadinessStaysDown() {
        CachingJwkSource down = new CachingJwkSource(
                Mono.error(new java.util.concurrent.TimeoutException("auth-service did not answer")),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                nanos::get);

        assertThatThrownBy(() -> down.apply(token(first)).collectList().block())
                .isInstanceOf(KeySetUnavailableException.class)
                .satisfies(failure -> assertThat(
                                ((KeySetUnavailableException) failure).status().value())
                        .isEqualTo(503));
        assertThat(new KeySetHealthIndicator(down).health().getStatus().getCode())
                .isEqualTo("DOWN");
    }

    @Test
    void readinessIsUpOnceTheSetWasFetched() {
        new KeySetHealthIndicator(source).health(); // starts the first fetch
        source.load().block();

        assertThat(source.hasKeys()).isTrue();
        assertThat(new KeySetHealthIndicator(source).health().getStatus().getCode())
                .isEqualTo("UP");
    }

    @Test
    void sharesOneFetchBetweenConcurrentRequests() {
        CachingJwkSource slow = new CachingJwkSource(
                Mono.fromSupplier(() -> {
                            fetches.incrementAndGet();
                            return published.get().toString();
                        })
                        .delayElement(Duration.ofMillis(200)),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                nanos::get);

        List<String> ids = Flux.range(0, 20)
                .flatMap(i -> slow.apply(token(first)))
                .map(JWK::getKeyID)
                .collectList()
                .block();

        assertThat(ids).hasSize(20);
        assertThat(fetches).hasValue(1);
    }

    private List<String> keyIds(SignedJWT token) {
        return source.apply(token).map(JWK::getKeyID).collectList().block();
    }

    private static SignedJWT token(ECKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    new JWTClaimsSet.Builder()
                            .subject("someone")
                            .expirationTime(new Date())
                            .build());
            jwt.sign(new ECDSASigner(key));
            return jwt;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey key(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

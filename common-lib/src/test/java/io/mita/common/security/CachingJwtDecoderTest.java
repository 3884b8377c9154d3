package io.mita.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/** Whatever the cache holds, a token that the full check would refuse is refused. */
class CachingJwtDecoderTest {

    private static final ECKey KEY = generate("key-1");
    private static final ECKey OTHER_KEY = generate("key-1");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-10T10:00:00Z"));
    private final AtomicBoolean refuseEverything = new AtomicBoolean();
    private final OAuth2TokenValidator<Jwt> validator = validator();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aTokenFoundInTheCacheIsNotVerifiedAgain() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofMinutes(5));
        String token = token(KEY, "mita-api", Duration.ofMinutes(15));

        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("user-1");
        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("user-1");
        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("user-1");

        assertThat(signatureChecks).hasValue(1);
        assertThat(counted("hit")).isEqualTo(2);
        assertThat(counted("miss")).isEqualTo(1);
    }

    @Test
    void aTokenWithOneByteOfItsPayloadChangedIsRefusedAfterTheGenuineOneWasCached() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofMinutes(5));
        String genuine = token(KEY, "mita-api", Duration.ofMinutes(15));
        decoder.decode(genuine).block();

        String[] parts = genuine.split("\\.");
        String altered = parts[0] + "." + changeOneCharacter(parts[1]) + "." + parts[2];

        assertThatThrownBy(() -> decoder.decode(altered).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenWithOneByteOfItsSignatureChangedIsRefusedAfterTheGenuineOneWasCached() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofMinutes(5));
        String genuine = token(KEY, "mita-api", Duration.ofMinutes(15));
        decoder.decode(genuine).block();

        String[] parts = genuine.split("\\.");
        String altered = parts[0] + "." + parts[1] + "." + changeOneCharacter(parts[2]);

        assertThatThrownBy(() -> decoder.decode(altered).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void theSameClaimsSignedWithAnotherKeyAreRefusedAfterTheGenuineTokenWasCached() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofMinutes(5));
        decoder.decode(token(KEY, "mita-api", Duration.ofMinutes(15))).block();

        String forged = token(OTHER_KEY, "mita-api", Duration.ofMinutes(15));

        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedAfterAGenuineTokenWasCached() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofMinutes(5));
        decoder.decode(token(KEY, "mita-api", Duration.ofMinutes(15))).block();

        String elsewhere = token(KEY, "another-api", Duration.ofMinutes(15));

        assertThatThrownBy(() -> decoder.decode(elsewhere).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(elsewhere).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofHours(1));
        String token = token(KEY, "mita-api", Duration.ofMinutes(15));
        decoder.decode(token).block();

        clock.advance(Duration.ofMinutes(16));

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void theClaimChecksStillRunWhenTheTokenIsFoundInTheCache() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofMinutes(5));
        String token = token(KEY, "mita-api", Duration.ofMinutes(15));
        decoder.decode(token).block();

        refuseEverything.set(true);

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(1);
        assertThat(counted("hit")).isEqualTo(1);
    }

    @Test
    void aTokenIsVerifiedAgainOnceTheLongestCacheLifetimeHasPassed() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofMinutes(1));
        String token = token(KEY, "mita-api", Duration.ofMinutes(15));
        decoder.decode(token).block();

        clock.advance(Duration.ofSeconds(61));
        decoder.decode(token).block();

        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void theCacheEvictsBeyondItsMaximumSize() {
        CachingJwtDecoder decoder = decoder(10, Duration.ofMinutes(5));

        for (int i = 0; i < 60; i++) {
            decoder.decode(token(KEY, "mita-api", Duration.ofMinutes(15).plusSeconds(i)))
                    .block();
        }

        assertThat(decoder.size()).isLessThanOrEqualTo(10);
        assertThat(signatureChecks).hasValue(60);
    }

    @Test
    void aRefusedTokenIsNotCached() {
        CachingJwtDecoder decoder = decoder(100, Duration.ofMinutes(5));
        String forged = token(OTHER_KEY, "mita-api", Duration.ofMinutes(15));

        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged).block()).isInstanceOf(JwtException.class);

        assertThat(signatureChecks).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void whenSwitchedOffTheSignatureCheckItselfIsUsed() {
        ReactiveJwtDecoder verifier = verifier();

        assertThat(CachingJwtDecoder.over(
                        verifier, validator, new TokenCacheProperties(false, 10, Duration.ofMinutes(1)), meters))
                .isSameAs(verifier);
    }

    private CachingJwtDecoder decoder(long maxSize, Duration maxTtl) {
        return new CachingJwtDecoder(
                verifier(), validator, new TokenCacheProperties(true, maxSize, maxTtl), meters, clock);
    }

    /** The real signature and claim check, counting how often it runs. */
    private ReactiveJwtDecoder verifier() {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.just(KEY.toPublicJWK()))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        nimbus.setJwtValidator(validator);
        return token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private OAuth2TokenValidator<Jwt> validator() {
        JwtTimestampValidator lifetime = new JwtTimestampValidator(Duration.ZERO);
        lifetime.setClock(clock);
        OAuth2TokenValidator<Jwt> switchable = jwt -> refuseEverything.get()
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "refused", null))
                : OAuth2TokenValidatorResult.success();
        return new DelegatingOAuth2TokenValidator<>(
                lifetime, new JwtIssuerValidator("mita-auth"), new AudienceValidator("mita-api"), switchable);
    }

    private double counted(String result) {
        return meters.get(CachingJwtDecoder.METRIC)
                .tag("result", result)
                .counter()
                .count();
    }

    private String token(ECKey key, String audience, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("user-1")
                .issuer("mita-auth")
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** One character in the middle (never the last one, whose spare bits may not count). */
    private static String changeOneCharacter(String segment) {
        int middle = segment.length() / 2;
        char replacement = segment.charAt(middle) == 'A' ? 'B' : 'A';
        return segment.substring(0, middle) + replacement + segment.substring(middle + 1);
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

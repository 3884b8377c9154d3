package io.mita.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.auth.MutableClock;
import io.mita.auth.account.domain.Role;
import io.mita.common.security.MitaSecurityProperties;
import io.mita.common.security.TokenCacheProperties;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

class SelfIssuedTokenVerificationTest {

    private static final MitaSecurityProperties SECURITY =
            new MitaSecurityProperties("unused", "mita-auth", "mita-api", List.of());

    private final MutableClock clock = new MutableClock(Instant.now());
    private final InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();
    private final String masterKey = SigningKeyCipherTest.randomMasterKey();
    private final SigningKeys keys =
            new SigningKeys(repository, SigningKeyCipher.fromBase64(masterKey), Duration.ofMinutes(15), clock);
    private final ReactiveJwtDecoder decoder = SelfIssuedTokenVerification.selfIssuedJwtDecoder(
            keys, SECURITY, new TokenCacheProperties(true, 100, Duration.ofMinutes(5)), new SimpleMeterRegistry());

    SelfIssuedTokenVerificationTest() {
        keys.load().block();
    }

    @Test
    void acceptsATokenThisServiceIssued() {
        UUID userId = UUID.randomUUID();
        String token =
                issuer(SECURITY, clock).issue(userId, EnumSet.of(Role.USER)).value();

        Jwt jwt = decoder.decode(token).block();

        assertThat(jwt.getSubject()).isEqualTo(userId.toString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER");
    }

    @Test
    void acceptsAnRs256TokenAndAnEs256TokenSignedBeforeTheSwitchWhileItsKeyIsPublished() throws Exception {
        SigningKeys beforeTheSwitch = new SigningKeys(
                repository, SigningKeyCipher.fromBase64(masterKey), Duration.ofMinutes(15), clock, JWSAlgorithm.ES256);
        // the RS256 key made at construction is rotated out for an ES256 one, which signs a token...
        repository.retireActive(clock.instant()).block();
        repository.insert(beforeTheSwitch.generateOffTheEventLoop().block()).block();
        beforeTheSwitch.refreshActive().block();
        UUID userId = UUID.randomUUID();
        String es256Token = issuer(beforeTheSwitch, SECURITY, clock)
                .issue(userId, EnumSet.of(Role.USER))
                .value();
        // ...and is rotated out in turn for an RS256 key
        clock.advance(Duration.ofSeconds(1));
        repository.retireActive(clock.instant()).block();
        repository.insert(keys.generateOffTheEventLoop().block()).block();
        keys.refreshActive().block();
        String rs256Token =
                issuer(SECURITY, clock).issue(userId, EnumSet.of(Role.USER)).value();

        assertThat(SignedJWT.parse(es256Token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(SignedJWT.parse(rs256Token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(decoder.decode(es256Token).block().getSubject()).isEqualTo(userId.toString());
        assertThat(decoder.decode(rs256Token).block().getSubject()).isEqualTo(userId.toString());
    }

    @Test
    void refusesAHeaderWhoseAlgorithmIsNotTheOneOfTheKeyItNames() throws Exception {
        // signed correctly with an EC key, but naming the active RSA key: ES256 never selects an RSA key
        ECKey foreign = new ECKeyGenerator(Curve.P_256).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("mita-auth")
                .audience("mita-api")
                .subject(UUID.randomUUID().toString())
                .expirationTime(Date.from(clock.instant().plusSeconds(600)))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(keys.activeKey().getKeyID())
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(foreign));

        assertThatThrownBy(() -> decoder.decode(jwt.serialize()).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesATokenSignedWithAKeyItDoesNotHold() {
        // the test-support issuer signs correctly, with the right iss and aud, but with another key
        String foreign = TestTokens.forUser(UUID.randomUUID(), "USER");

        assertThatThrownBy(() -> decoder.decode(foreign).block()).isInstanceOf(JwtException.class);
    }

    @Test
    void refusesAnExpiredToken() {
        Clock anHourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
        String expired = issuer(SECURITY, anHourAgo)
                .issue(UUID.randomUUID(), EnumSet.of(Role.USER))
                .value();

        assertThatThrownBy(() -> decoder.decode(expired).block())
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refusesATokenForAnotherAudienceOrIssuer() {
        String otherAudience = issuer(
                        new MitaSecurityProperties("unused", "mita-auth", "another-api", List.of()), clock)
                .issue(UUID.randomUUID(), EnumSet.of(Role.USER))
                .value();
        String otherIssuer = issuer(new MitaSecurityProperties("unused", "someone-else", "mita-api", List.of()), clock)
                .issue(UUID.randomUUID(), EnumSet.of(Role.USER))
                .value();

        assertThatThrownBy(() -> decoder.decode(otherAudience).block())
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("audience");
        assertThatThrownBy(() -> decoder.decode(otherIssuer).block()).isInstanceOf(JwtException.class);
    }

    private AccessTokenIssuer issuer(MitaSecurityProperties security, Clock issuingClock) {
        return issuer(keys, security, issuingClock);
    }

    private static AccessTokenIssuer issuer(SigningKeys keys, MitaSecurityProperties security, Clock issuingClock) {
        return new AccessTokenIssuer(
                keys, security, AccessTokenIssuerTest.properties(Duration.ofMinutes(15)), issuingClock);
    }
}

package io.mita.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.auth.account.domain.Role;
import io.mita.common.security.MitaSecurityProperties;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final SigningKeys keys = new SigningKeys(new InMemorySigningKeyRepository(),
            SigningKeyCipher.fromBase64(SigningKeyCipherTest.randomMasterKey()), Duration.ofMinutes(15), clock);
    private final ReactiveJwtDecoder decoder = new SelfIssuedTokenVerification().selfIssuedJwtDecoder(keys, SECURITY);

    SelfIssuedTokenVerificationTest() {
        keys.load().block();
    }

    @Test
    void acceptsATokenThisServiceIssued() {
        UUID userId = UUID.randomUUID();
        String token = issuer(SECURITY, clock).issue(userId, EnumSet.of(Role.USER)).value();

        Jwt jwt = decoder.decode(token).block();

        assertThat(jwt.getSubject()).isEqualTo(userId.toString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER");
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
        String expired = issuer(SECURITY, anHourAgo).issue(UUID.randomUUID(), EnumSet.of(Role.USER)).value();

        assertThatThrownBy(() -> decoder.decode(expired).block()).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void refusesATokenForAnotherAudienceOrIssuer() {
        String otherAudience = issuer(new MitaSecurityProperties("unused", "mita-auth", "another-api", List.of()), clock)
                .issue(UUID.randomUUID(), EnumSet.of(Role.USER)).value();
        String otherIssuer = issuer(new MitaSecurityProperties("unused", "someone-else", "mita-api", List.of()), clock)
                .issue(UUID.randomUUID(), EnumSet.of(Role.USER)).value();

        assertThatThrownBy(() -> decoder.decode(otherAudience).block()).isInstanceOf(JwtException.class)
                .hasMessageContaining("audience");
        assertThatThrownBy(() -> decoder.decode(otherIssuer).block()).isInstanceOf(JwtException.class);
    }

    private AccessTokenIssuer issuer(MitaSecurityProperties security, Clock issuingClock) {
        return new AccessTokenIssuer(keys, security, AccessTokenIssuerTest.properties(Duration.ofMinutes(15)),
                issuingClock);
    }
}

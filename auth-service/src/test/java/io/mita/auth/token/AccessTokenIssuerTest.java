package io.mita.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mita.auth.MutableClock;
import io.mita.auth.account.domain.Role;
import io.mita.auth.config.AuthProperties;
import io.mita.common.security.MitaSecurityProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.750Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final SigningKeys keys = new SigningKeys(
            new InMemorySigningKeyRepository(),
            SigningKeyCipher.fromBase64(SigningKeyCipherTest.randomMasterKey()),
            Duration.ofMinutes(15),
            clock);
    private final JWK signingKey = keys.load().block();
    private final AccessTokenIssuer issuer = new AccessTokenIssuer(
            keys,
            new MitaSecurityProperties("unused", "mita-auth", "mita-api", List.of()),
            properties(Duration.ofMinutes(15)),
            clock);

    @Test
    void signsWithTheActiveKeyAndNamesItInTheHeader() throws Exception {
        SignedJWT jwt = SignedJWT.parse(
                issuer.issue(UUID.randomUUID(), EnumSet.of(Role.USER)).value());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(signingKey.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(signingKey.toRSAKey().toPublicJWK())))
                .isTrue();
    }

    @Test
    void anActiveEs256KeyFromBeforeTheSwitchSignsEs256() throws Exception {
        SigningKeys es256Keys = new SigningKeys(
                new InMemorySigningKeyRepository(),
                SigningKeyCipher.fromBase64(SigningKeyCipherTest.randomMasterKey()),
                Duration.ofMinutes(15),
                clock,
                JWSAlgorithm.ES256);
        JWK es256 = es256Keys.load().block();
        AccessTokenIssuer es256Issuer = new AccessTokenIssuer(
                es256Keys,
                new MitaSecurityProperties("unused", "mita-auth", "mita-api", List.of()),
                properties(Duration.ofMinutes(15)),
                clock);

        SignedJWT jwt = SignedJWT.parse(
                es256Issuer.issue(UUID.randomUUID(), EnumSet.of(Role.USER)).value());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(es256.getKeyID());
        assertThat(jwt.verify(new ECDSAVerifier(es256.toECKey().toPublicJWK()))).isTrue();
    }

    @Test
    void carriesIssuerAudienceSubjectRolesAndAUniqueId() throws Exception {
        UUID userId = UUID.randomUUID();

        JWTClaimsSet claims = claims(issuer.issue(userId, EnumSet.of(Role.USER, Role.ADMIN)));
        JWTClaimsSet other = claims(issuer.issue(userId, EnumSet.of(Role.USER, Role.ADMIN)));

        assertThat(claims.getIssuer()).isEqualTo("mita-auth");
        assertThat(claims.getAudience()).containsExactly("mita-api");
        assertThat(claims.getSubject()).isEqualTo(userId.toString());
        assertThat(claims.getStringListClaim("roles")).containsExactly("ADMIN", "USER");
        assertThat(claims.getJWTID()).isNotBlank().isNotEqualTo(other.getJWTID());
    }

    @Test
    void livesFifteenMinutesFromNow() throws Exception {
        IssuedAccessToken token = issuer.issue(UUID.randomUUID(), EnumSet.of(Role.USER));
        JWTClaimsSet claims = claims(token);

        long lifetime = claims.getExpirationTime().toInstant().getEpochSecond()
                - claims.getIssueTime().toInstant().getEpochSecond();
        assertThat(lifetime).isEqualTo(900);
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(token.expiresInSeconds()).isEqualTo(900);
        assertThat(token.expiresAt()).isEqualTo(claims.getExpirationTime().toInstant());
    }

    @Test
    void theLifetimeFollowsConfiguration() throws Exception {
        AccessTokenIssuer fiveMinutes = new AccessTokenIssuer(
                keys,
                new MitaSecurityProperties("unused", "mita-auth", "mita-api", List.of()),
                properties(Duration.ofMinutes(5)),
                clock);

        JWTClaimsSet claims = claims(fiveMinutes.issue(UUID.randomUUID(), EnumSet.of(Role.USER)));

        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(300_000);
    }

    private static JWTClaimsSet claims(IssuedAccessToken token) throws Exception {
        return SignedJWT.parse(token.value()).getJWTClaimsSet();
    }

    static AuthProperties properties(Duration accessTokenTtl) {
        return new AuthProperties(
                accessTokenTtl,
                Duration.ofDays(30),
                SigningKeyCipherTest.randomMasterKey(),
                AuthProperties.SigningAlgorithm.RS256,
                new AuthProperties.PasswordHashing(1),
                new AuthProperties.BootstrapAdmin("admin@mita.local", "unused"));
    }
}

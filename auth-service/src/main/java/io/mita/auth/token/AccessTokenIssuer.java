package io.mita.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mita.auth.account.domain.Role;
import io.mita.auth.config.AuthProperties;
import io.mita.common.security.MitaSecurityProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens (JWT, ES256, {@code kid} in the header) with the active signing key. Claims:
 * {@code iss}, {@code aud}, {@code sub} (user id), {@code roles}, {@code jti}, {@code iat}, {@code exp}.
 * Signing an EC key is cheap (well under a millisecond), so it runs wherever it is called.
 */
@Component
public class AccessTokenIssuer {

    static final String ROLES_CLAIM = "roles";

    private final SigningKeys signingKeys;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;

    AccessTokenIssuer(SigningKeys signingKeys, MitaSecurityProperties claims, AuthProperties properties, Clock clock) {
        this.signingKeys = signingKeys;
        this.issuer = claims.issuer();
        this.audience = claims.audience();
        this.ttl = properties.accessTokenTtl();
        this.clock = clock;
    }

    public IssuedAccessToken issue(UUID userId, Collection<Role> roles) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(ttl);
        ECKey key = signingKeys.activeKey();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId.toString())
                .claim(ROLES_CLAIM, roles.stream().map(Role::name).sorted().toList())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
        JWSHeader header = new JWSHeader.Builder(SigningKeys.ALGORITHM)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
        return new IssuedAccessToken(jwt.serialize(), expiresAt, ttl.toSeconds());
    }
}

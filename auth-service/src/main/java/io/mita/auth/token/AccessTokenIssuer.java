package io.mita.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
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
 * Signs access tokens (JWT, {@code kid} in the header) with the active signing key, in that key's algorithm:
 * RS256 for the RSA-3072 keys made now, ES256 for an EC key made before (until it is rotated out). Claims:
 * {@code iss}, {@code aud}, {@code sub} (user id), {@code roles}, {@code jti}, {@code iat}, {@code exp}.
 * An RSA-3072 signature takes ~2–4 ms of CPU, once per login or refresh, beside Argon2id's ~40 ms per login;
 * it runs wherever it is called.
 */
@Component
public class AccessTokenIssuer {

    static final String ROLES_CLAIM = "roles";
    /** The login session (refresh-token family) the token was issued for: which session is "this one". */
    public static final String SESSION_CLAIM = "sid";
    /** What a token minted by the service itself is for (e.g. {@value #DATA_EXPORT}); absent on users' tokens. */
    public static final String PURPOSE_CLAIM = "purpose";

    public static final String DATA_EXPORT = "data-export";

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
        return issue(userId, roles, null);
    }

    /** @param sessionId the login session, as claim {@value #SESSION_CLAIM}; null leaves the claim out */
    public IssuedAccessToken issue(UUID userId, Collection<Role> roles, UUID sessionId) {
        return sign(userId, roles, sessionId, ttl, null);
    }

    /**
     * A token for the user that auth-service itself uses to collect the user's data from the other services for an
     * export: no session, claim {@value #PURPOSE_CLAIM} = {@value #DATA_EXPORT}, and a lifetime of its own (at most
     * the access-token lifetime).
     */
    public IssuedAccessToken issueForExport(UUID userId, Collection<Role> roles, Duration lifetime) {
        return sign(userId, roles, null, lifetime.compareTo(ttl) < 0 ? lifetime : ttl, DATA_EXPORT);
    }

    private IssuedAccessToken sign(
            UUID userId, Collection<Role> roles, UUID sessionId, Duration lifetime, String purpose) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(lifetime);
        JWK key = signingKeys.activeKey();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId.toString())
                .claim(ROLES_CLAIM, roles.stream().map(Role::name).sorted().toList())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim(SESSION_CLAIM, sessionId == null ? null : sessionId.toString())
                .claim(PURPOSE_CLAIM, purpose)
                .build();
        JWSHeader header = new JWSHeader.Builder(
                        JWSAlgorithm.parse(key.getAlgorithm().getName()))
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signerFor(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
        return new IssuedAccessToken(jwt.serialize(), expiresAt, lifetime.toSeconds());
    }

    private static JWSSigner signerFor(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSASigner(rsa);
        }
        if (key instanceof ECKey ec) {
            return new ECDSASigner(ec);
        }
        throw new IllegalStateException("Signing key " + key.getKeyID() + " is neither RSA nor EC");
    }
}

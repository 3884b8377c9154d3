package io.mita.gateway.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The gateway's decoder makes common-lib's checks: ES256 or RS256 from the JWKS, issuer, audience, expiry. */
class GatewayJwtDecoderTest {

    private static final ECKey EC = generateEc("ec-1");
    private static final RSAKey RSA = generateRsa("rsa-1");
    private final NimbusReactiveJwtDecoder decoder = GatewayJwtConfiguration.decoder(
            new CachingJwkSource(
                    Mono.fromSupplier(() -> new JWKSet(List.of(EC.toPublicJWK(), RSA.toPublicJWK())).toString()),
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(10),
                    System::nanoTime),
            "mita-auth",
            "mita-api");

    @Test
    void acceptsTokensSignedWithEs256OrRs256ByAKeyOfTheSet() throws JOSEException {
        assertThat(decoder.decode(sign(
                                claims("mita-auth", "mita-api", 15),
                                JWSAlgorithm.ES256,
                                EC.getKeyID(),
                                new ECDSASigner(EC)))
                        .block()
                        .getSubject())
                .isEqualTo("user-1");
        assertThat(decoder.decode(sign(
                                claims("mita-auth", "mita-api", 15),
                                JWSAlgorithm.RS256,
                                RSA.getKeyID(),
                                new RSASSASigner(RSA)))
                        .block()
                        .getSubject())
                .isEqualTo("user-1");
    }

    @Test
    void refusesAnotherIssuerAnotherAudienceAndAnExpiredToken() throws JOSEException {
        ECDSASigner signer = new ECDSASigner(EC);
        assertThatThrownBy(() -> decoder.decode(
                                sign(claims("someone-else", "mita-api", 15), JWSAlgorithm.ES256, EC.getKeyID(), signer))
                        .block())
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(
                                sign(claims("mita-auth", "another-api", 15), JWSAlgorithm.ES256, EC.getKeyID(), signer))
                        .block())
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(
                                sign(claims("mita-auth", "mita-api", -5), JWSAlgorithm.ES256, EC.getKeyID(), signer))
                        .block())
                .isInstanceOf(JwtException.class);
    }

    @Test
    void refusesASymmetricAlgorithm() throws JOSEException {
        String hs256 = sign(
                        claims("mita-auth", "mita-api", 15),
                        JWSAlgorithm.HS256,
                        EC.getKeyID(),
                        new MACSigner("an HMAC secret that is long enough for HS256!!"))
                .toString();

        assertThatThrownBy(() -> decoder.decode(hs256).block()).isInstanceOf(JwtException.class);
    }

    private static JWTClaimsSet claims(String issuer, String audience, int minutesLeft) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject("user-1")
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now.minus(Duration.ofMinutes(1))))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(minutesLeft))))
                .build();
    }

    private static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, String kid, JWSSigner signer)
            throws JOSEException {
        SignedJWT jwt =
                new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static ECKey generateEc(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateRsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.mita.e2e;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Forges the tokens the security suite attacks with. Some attacks need no secret (alg none, a key of
 * one's own); the claim checks (expiry, issuer, audience) are only meaningful with a VALID signature, so
 * for those the attacker is given the active signing key itself — read from auth-service's database
 * and decrypted with the development master key the local stack runs with (docs/auth.md describes the
 * storage). A control test proves such forged tokens with correct claims are accepted, so every
 * refusal is due to the claim under test.
 */
final class Attacker {

    static final String ISSUER = System.getenv().getOrDefault("MITA_JWT_ISSUER", "mita-auth");
    static final String AUDIENCE = System.getenv().getOrDefault("MITA_JWT_AUDIENCE", "mita-api");
    private static final String MASTER_KEY =
            System.getenv().getOrDefault("MITA_AUTH_MASTER_KEY", "pjwg+m8wO6kkFSkYSaPW+Mjrg72oaq4Mlm5h3zA+L9g=");
    private static final String AUTH_DB =
            "jdbc:postgresql://" + System.getenv().getOrDefault("MITA_DB_HOST", "127.0.0.1")
                    + ":" + System.getenv().getOrDefault("MITA_DB_PORT", "5432") + "/"
                    + System.getenv().getOrDefault("AUTH_DB_NAME", "mita_auth");

    record Claims(
            UUID subject, List<String> roles, String issuer, String audience, Instant issuedAt, Duration lifetime) {

        static Claims validFor(UUID subject, String... roles) {
            return new Claims(
                    subject,
                    List.of(roles.length == 0 ? new String[] {"USER"} : roles),
                    ISSUER,
                    AUDIENCE,
                    Instant.now(),
                    Duration.ofMinutes(15));
        }

        Claims issuer(String value) {
            return new Claims(subject, roles, value, audience, issuedAt, lifetime);
        }

        Claims audience(String value) {
            return new Claims(subject, roles, issuer, value, issuedAt, lifetime);
        }

        Claims expiredAnHourAgo() {
            return new Claims(
                    subject, roles, issuer, audience, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        }

        JWTClaimsSet toJwt() {
            return new JWTClaimsSet.Builder()
                    .subject(subject.toString())
                    .issuer(issuer)
                    .audience(audience)
                    .claim("roles", roles)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .build();
        }
    }

    /** Signed with the real, active signing key (as if it had leaked). */
    static String signedWithTheLeakedKey(Claims claims) throws Exception {
        try (Connection db = DriverManager.getConnection(
                        AUTH_DB,
                        System.getenv().getOrDefault("MITA_DB_USER", "postgres"),
                        System.getenv().getOrDefault("MITA_DB_PASSWORD", ""));
                ResultSet row = db.createStatement()
                        .executeQuery(
                                "SELECT kid, algorithm, private_key_encrypted, iv FROM signing_key WHERE active")) {
            if (!row.next()) {
                throw new IllegalStateException("auth-service has no active signing key");
            }
            String kid = row.getString("kid");
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(Base64.getDecoder().decode(MASTER_KEY), "AES"),
                    new GCMParameterSpec(128, row.getBytes("iv")));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] pkcs8 = cipher.doFinal(row.getBytes("private_key_encrypted"));
            JWSAlgorithm algorithm = JWSAlgorithm.parse(row.getString("algorithm"));
            boolean rsa = JWSAlgorithm.Family.RSA.contains(algorithm);
            PrivateKey key = KeyFactory.getInstance(rsa ? "RSA" : "EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(algorithm)
                            .keyID(kid)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.toJwt());
            jwt.sign(rsa ? new RSASSASigner(key) : new ECDSASigner((ECPrivateKey) key));
            return jwt.serialize();
        }
    }

    /** A key of the attacker's own, under a kid the JWKS does not have. */
    static String signedWithAnUnknownKey(Claims claims) throws Exception {
        var key = new ECKeyGenerator(Curve.P_256)
                .keyID("attacker-" + UUID.randomUUID())
                .generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims.toJwt());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** {@code alg: none}: a header and claims, no signature. */
    static String unsigned(Claims claims) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = url.encodeToString(claims.toJwt().toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** Key confusion: HS256 with the server's PUBLIC key (its JWKS text) as the HMAC secret. */
    static String hs256WithThePublicKey(Claims claims, String jwksJson, String kid) throws Exception {
        byte[] secret = jwksJson.getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims.toJwt());
        jwt.sign(new MACSigner(secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32)));
        return jwt.serialize();
    }

    /** A genuine token whose payload was edited afterwards (here: roles raised to ADMIN). */
    static String withTamperedPayload(String genuineToken, UUID subject) {
        String[] parts = genuineToken.split("\\.");
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String raised = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"roles\":\\[[^\\]]*\\]", "\"roles\":[\"USER\",\"ADMIN\",\"COMPLIANCE\"]");
        if (!raised.contains("ADMIN")) {
            throw new IllegalStateException("the genuine token of " + subject + " has no roles claim to tamper with");
        }
        return parts[0] + "." + url.encodeToString(raised.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private Attacker() {}
}

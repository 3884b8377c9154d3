package io.mita.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A real token issuer for tests: an ES256 key whose public half is served as a JWKS over HTTP on
 * loopback, and tokens signed with it the way auth-service signs them (kid, iss, aud, sub, roles, jti).
 * Services under test verify them exactly as they verify production tokens.
 */
public final class TestTokens {

    public static final String ISSUER = "mita-auth";
    public static final String AUDIENCE = "mita-api";

    private static final ECKey KEY = generate("test-key-1");
    private static final ECKey FOREIGN_KEY = generate("test-key-1");
    private static volatile String jwksUri;

    private TestTokens() {}

    public static String jwksUri() {
        if (jwksUri == null) {
            synchronized (TestTokens.class) {
                if (jwksUri == null) {
                    jwksUri = serveJwks();
                }
            }
        }
        return jwksUri;
    }

    public static String forUser(UUID userId, String... roles) {
        return token().subject(userId).roles(roles).sign();
    }

    public static String expired(UUID userId, String... roles) {
        return token().subject(userId)
                .roles(roles)
                .issuedAt(Instant.now().minus(Duration.ofHours(1)))
                .expiresIn(Duration.ofMinutes(15))
                .sign();
    }

    /** Same kid as the served key, but signed by a key the JWKS does not hold. */
    public static String signedByUnknownKey(UUID userId, String... roles) {
        return token().subject(userId).roles(roles).signWith(FOREIGN_KEY);
    }

    public static Builder token() {
        return new Builder();
    }

    public static final class Builder {
        private String subject = UUID.randomUUID().toString();
        private List<String> roles = List.of("USER");
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(15);

        public Builder subject(UUID userId) {
            this.subject = userId.toString();
            return this;
        }

        public Builder roles(String... roles) {
            this.roles = roles.length == 0 ? List.of("USER") : Arrays.asList(roles);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Builder expiresIn(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public String sign() {
            jwksUri();
            return signWith(KEY);
        }

        String signWith(ECKey key) {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .claim("roles", roles)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            try {
                jwt.sign(new ECDSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve the test JWKS", e);
        }
    }
}

package io.mita.gateway.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.common.security.CachingJwtDecoder;
import io.mita.common.security.MitaJwtValidators;
import io.mita.common.security.TokenCacheProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * What the gateway's token check costs in one thread, without HTTP: the gateway's own decoder
 * ({@link GatewayJwtConfiguration#decoder}: key lookup in the cached JWKS, signature, issuer, audience, expiry)
 * on a token shaped like auth-service's (RS256 with RSA-3072, and ES256 for comparison), interleaved with
 * a baseline that only parses the token, so the ratios hold on a busy machine. Prints a Markdown table.
 * Run by {@code bench/gateway-jwt-overhead.sh}; not a test. It lives in {@code src/bench/java}, compiled with
 * the tests only under {@code -Pbench}.
 */
public final class TokenCheckCostReport {

    private static final int WARM_UP_SECONDS = 15;
    private static final int RUNS = 20_000;

    private TokenCheckCostReport() {}

    public static void main(String[] args) throws Exception {
        RSAKey rsa = new RSAKeyGenerator(3072)
                .keyID(UUID.randomUUID().toString())
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256)
                .keyID(UUID.randomUUID().toString())
                .algorithm(JWSAlgorithm.ES256)
                .generate();
        JWKSet published = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
        NimbusReactiveJwtDecoder decoder = GatewayJwtConfiguration.decoder(
                new CachingJwkSource(
                        Mono.fromSupplier(published::toString),
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(1),
                        System::nanoTime),
                "mita-auth",
                "mita-api");
        String rs256 = sign(rsa, JWSAlgorithm.RS256);
        String es256 = sign(ec, JWSAlgorithm.ES256);

        Map<String, Supplier<Object>> checks = new LinkedHashMap<>();
        checks.put("parse only (baseline)", () -> parse(rs256));
        checks.put(
                "gateway check, RS256 RSA-3072 (auth-service's tokens)",
                () -> decoder.decode(rs256).block());
        checks.put("gateway check, ES256 P-256", () -> decoder.decode(es256).block());
        ReactiveJwtDecoder cached = CachingJwtDecoder.over(
                decoder,
                MitaJwtValidators.issuerAudienceAndLifetime("mita-auth", "mita-api"),
                new TokenCacheProperties(true, 4096, Duration.ofMinutes(5)),
                new SimpleMeterRegistry());
        cached.decode(rs256).block();
        checks.put(
                "gateway check through the verified-token cache, RS256 (a hit: claims checked, no signature)",
                () -> cached.decode(rs256).block());

        long warmUpEnd = System.nanoTime() + Duration.ofSeconds(WARM_UP_SECONDS).toNanos();
        while (System.nanoTime() < warmUpEnd) {
            checks.values().forEach(Supplier::get);
        }
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        for (int run = 0; run < RUNS; run++) {
            for (Map.Entry<String, Supplier<Object>> check : checks.entrySet()) {
                long start = System.nanoTime();
                check.getValue().get();
                micros.computeIfAbsent(check.getKey(), k -> new ArrayList<>())
                        .add((System.nanoTime() - start) / 1000.0);
            }
        }
        System.out.printf(
                "Machine: %d CPUs, Java %s, %d checks each, interleaved, after %d s of warm-up.%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), RUNS, WARM_UP_SECONDS);
        System.out.println("| token check in one thread | p50 µs | p90 µs | p99 µs |");
        System.out.println("|---|---|---|---|");
        micros.forEach((name, values) -> {
            List<Double> sorted = values.stream().sorted().toList();
            System.out.printf(
                    "| %s | %.0f | %.0f | %.0f |%n", name, at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99));
        });
    }

    private static String sign(com.nimbusds.jose.jwk.JWK key, JWSAlgorithm algorithm) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("mita-auth")
                .audience("mita-api")
                .subject(UUID.randomUUID().toString())
                .claim("roles", List.of("USER"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key));
        return jwt.serialize();
    }

    private static Object parse(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double at(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}

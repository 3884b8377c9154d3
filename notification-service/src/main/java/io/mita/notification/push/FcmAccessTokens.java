package io.mita.notification.push;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth 2 access tokens for FCM from a Google service-account key (the JWT-bearer grant, RFC 7523): a JWT signed
 * RS256 with the account's private key is exchanged at its {@code token_uri} for an access token with the
 * {@code firebase.messaging} scope, kept until a minute before it expires.
 */
final class FcmAccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final String clientEmail;
    private final PrivateKey privateKey;
    private final String tokenUri;
    private final WebClient http;
    private final JsonMapper json;
    private final Duration timeout;
    private final Clock clock;
    private volatile Cached cached;

    FcmAccessTokens(
            String clientEmail,
            PrivateKey privateKey,
            String tokenUri,
            WebClient http,
            JsonMapper json,
            Duration timeout,
            Clock clock) {
        this.clientEmail = clientEmail;
        this.privateKey = privateKey;
        this.tokenUri = tokenUri;
        this.http = http;
        this.json = json;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Reads a service-account JSON key file; fails the start-up when it is unreadable. */
    static FcmAccessTokens fromFile(Path file, WebClient http, JsonMapper json, Duration timeout) {
        try {
            JsonNode key = json.readTree(Files.readString(file));
            return new FcmAccessTokens(
                    key.get("client_email").asString(),
                    privateKey(key.get("private_key").asString()),
                    key.get("token_uri").asString(),
                    http,
                    json,
                    timeout,
                    Clock.systemUTC());
        } catch (java.io.IOException | RuntimeException unreadable) {
            throw new IllegalStateException("the FCM service-account key " + file + " cannot be read: "
                    + unreadable.getClass().getSimpleName());
        }
    }

    Mono<String> current() {
        Cached now = cached;
        if (now != null && now.expiresAt.isAfter(clock.instant().plusSeconds(60))) {
            return Mono.just(now.token);
        }
        return Mono.defer(() -> http.post()
                        .uri(tokenUri)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                                .with("assertion", assertion()))
                        .retrieve()
                        .bodyToMono(String.class))
                .timeout(timeout)
                .map(body -> {
                    JsonNode answer = json.readTree(body);
                    String token = answer.get("access_token").asString();
                    long seconds = answer.hasNonNull("expires_in")
                            ? answer.get("expires_in").asLong()
                            : 3600;
                    cached = new Cached(token, clock.instant().plusSeconds(seconds));
                    return token;
                });
    }

    /** The signed JWT of the grant. */
    String assertion() {
        long now = clock.instant().getEpochSecond();
        String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = URL.encodeToString(json.writeValueAsBytes(
                Map.of("iss", clientEmail, "scope", SCOPE, "aud", tokenUri, "iat", now, "exp", now + 3600)));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the FCM grant cannot be signed", e);
        }
    }

    static PrivateKey privateKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key");
        }
    }

    private record Cached(String token, Instant expiresAt) {}
}

package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issue 12 through the gateway of the running stack: password strength at registration, two-factor sign-in
 * with a TOTP computed here, account deletion; and 16 concurrent logins straight at auth-service under the
 * stack's heap settings (-Xmx160m), which must all answer.
 */
class IdentitySecondPassE2E {

    private static final String AUTH_DIRECT =
            System.getenv().getOrDefault("MITA_E2E_AUTH_URL", "http://127.0.0.1:8081");

    private final MobileApp app = new MobileApp();

    @Test
    void weakPasswordsAreRefusedWithAReasonAndAStrongPassphraseIsAccepted() {
        for (String weak : List.of("password1234", "Password123!", "qwertyuiop12")) {
            register("weak-" + UUID.randomUUID() + "@e2e.mita.local", weak)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("AUTH_PASSWORD_TOO_WEAK")
                    .jsonPath("$.hint")
                    .isNotEmpty();
        }
        String email = "own-" + UUID.randomUUID() + "@e2e.mita.local";
        register(email, "Heron#" + email)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("PERSONAL_INFORMATION");
        register(email, "velvet tundra pickle orbit crayon").expectStatus().isCreated();
    }

    @Test
    void twoFactorSignInFromEnrolmentToALoginWithACodeComputedHere() {
        MobileApp.Account user = app.register("totp");
        String access = app.login(user);

        Map<?, ?> enrolment = post("/api/auth/mfa/totp", access, Map.of())
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        byte[] secret = secretOf((String) enrolment.get("otpauthUri"));
        Map<?, ?> recovery = post("/api/auth/mfa/totp/confirm", access, Map.of("code", totp(secret, 0)))
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((List<?>) recovery.get("recoveryCodes")).hasSize(10);

        Map<?, ?> first = app.http
                .post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", user.email(), "password", user.password()))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(first.get("code")).isEqualTo("AUTH_MFA_REQUIRED");
        Map<?, ?> tokens = app.http
                .post()
                .uri("/api/auth/login/mfa")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mfaToken", first.get("mfaToken"), "code", totp(secret, 1)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        app.http
                .get()
                .uri("/api/auth/me")
                .headers(h -> h.setBearerAuth((String) tokens.get("accessToken")))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aUserDeletesTheirAccountWithTheirPasswordAndCanNoLongerSignIn() {
        MobileApp.Account user = app.register("erased");
        String access = app.login(user);

        app.http
                .method(HttpMethod.DELETE)
                .uri("/api/auth/me")
                .headers(h -> h.setBearerAuth(access))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", user.password()))
                .exchange()
                .expectStatus()
                .isNoContent();

        app.http
                .post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", user.email(), "password", user.password()))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_INVALID_CREDENTIALS");
        // the still-valid access token: auth-service has no such account (404) until the gateway has read
        // user.erased, then the gateway refuses it at the edge (401 AUTH_ACCOUNT_ERASED), within seconds
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> app.http
                        .get()
                        .uri("/api/auth/me")
                        .headers(h -> h.setBearerAuth(access))
                        .exchange()
                        .expectStatus()
                        .isUnauthorized()
                        .expectBody()
                        .jsonPath("$.code")
                        .isEqualTo("AUTH_ACCOUNT_ERASED"));
    }

    @Test
    void sixteenConcurrentLoginsAllAnswerUnderTheStacksHeap() {
        MobileApp.Account user = app.register("sixteen");
        WebTestClient auth = app.direct(AUTH_DIRECT)
                .mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        org.springframework.web.reactive.function.client.WebClient web =
                org.springframework.web.reactive.function.client.WebClient.create(AUTH_DIRECT);

        List<Integer> statuses = Flux.range(0, 16)
                .flatMap(
                        i -> web.post()
                                .uri("/api/auth/login")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("email", user.email(), "password", user.password()))
                                .exchangeToMono(response ->
                                        Mono.just(response.statusCode().value())),
                        16)
                .collectList()
                .block(Duration.ofSeconds(120));

        assertThat(statuses).hasSize(16).containsOnly(200);
        auth.get().uri("/livez").exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec register(String email, String password) {
        return app.http
                .post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String path, String accessToken, Map<String, ?> body) {
        return app.http
                .post()
                .uri(path)
                .headers(h -> h.setBearerAuth(accessToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** What an authenticator app does: HMAC-SHA1 of the 30-second counter, six digits (RFC 6238). */
    private static String totp(byte[] secret, int stepOffset) {
        long counter = Instant.now().getEpochSecond() / 30 + stepOffset;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int o = h[19] & 0xf;
            int binary =
                    ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] secretOf(String otpauthUri) {
        String secret = null;
        for (String pair : URI.create(otpauthUri).getRawQuery().split("&")) {
            if (pair.startsWith("secret=")) {
                secret = pair.substring("secret=".length());
            }
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(secret.length() * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (char c : secret.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}

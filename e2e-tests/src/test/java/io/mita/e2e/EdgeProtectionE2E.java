package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * OWASP API4 (resource consumption), API2 (brute force) and API8 (misconfiguration) at the edge:
 * lockout, rate limits with their headers, oversize bodies, CORS, security headers, and denied requests
 * reaching the audit log — through the gateway of the running stack.
 */
class EdgeProtectionE2E {

    private final MobileApp app = new MobileApp();

    @Test
    void theGatewaysPublicPortServesProbesButNoMetricsOrApiDocsWhichAnswerOnItsManagementPortOnly() {
        app.http.get().uri("/livez").exchange().expectStatus().isOk();
        app.http.get().uri("/readyz").exchange().expectStatus().isOk();
        for (String path : List.of("/actuator/prometheus", "/v3/api-docs", "/actuator/openapi")) {
            app.http
                    .get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl(MobileApp.GATEWAY_MANAGEMENT)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                .build();
        management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics).contains("mita_gateway_ratelimit_redis_usable"));
        management.get().uri("/actuator/openapi").exchange().expectStatus().isOk();
    }

    @Test
    void bruteForceLocksTheAccountSoEvenTheRightPasswordIsRefused() {
        MobileApp.Account target = app.register("target");
        for (int attempt = 1; attempt <= 4; attempt++) {
            login(app.http, target.email(), "wrong guess number " + attempt)
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("AUTH_INVALID_CREDENTIALS");
        }
        login(app.http, target.email(), "wrong guess number 5")
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_ACCOUNT_LOCKED");
        login(app.http, target.email(), target.password())
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_ACCOUNT_LOCKED");
    }

    /**
     * The per-account limit (10 per 15 min per e-mail) binds first for one account from one address; the
     * per-address limit is sized for carrier-grade NAT (300 per 15 min), see the test below.
     */
    @Test
    void loginIsLimitedPerAccountWithRateLimitHeadersAndThen429() {
        MobileApp.Account user = app.register("limited");
        for (int attempt = 1; attempt <= 10; attempt++) {
            int remaining = 10 - attempt;
            login(app.http, user.email(), user.password())
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("X-RateLimit-Limit", "10")
                    .expectHeader()
                    .valueEquals("X-RateLimit-Remaining", String.valueOf(remaining))
                    .expectHeader()
                    .exists("X-RateLimit-Reset");
        }
        login(app.http, user.email(), user.password())
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .valueEquals("X-RateLimit-Remaining", "0")
                .expectHeader()
                .exists("X-RateLimit-Reset")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("RATE_LIMITED");
    }

    @Test
    void manyUsersBehindOneAddressCanAllLogInMoreThanTheOldTenPerAddress() {
        List<MobileApp.Account> users = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // registrations are limited per address (5 per hour): each from an address of its own
            MobileApp other = new MobileApp();
            users.add(other.register("cgnat" + i));
        }
        for (MobileApp.Account user : users) {
            login(app.http, user.email(), user.password()).expectStatus().isOk();
        }
    }

    @Test
    void loginIsLimitedPerEmailEvenFromManyAddresses() {
        MobileApp.Account user = app.register("spread");
        for (int attempt = 1; attempt <= 10; attempt++) {
            login(app.from(MobileApp.randomDocumentationAddress()), user.email(), user.password())
                    .expectStatus()
                    .isOk();
        }
        login(app.from(MobileApp.randomDocumentationAddress()), user.email(), user.password())
                .expectStatus()
                .isEqualTo(429);
    }

    @Test
    void withRedisStoppedTheGatewayStillLimitsLoginAndNeverAnswers500() throws Exception {
        MobileApp.Account user = app.register("redisless");
        StackRedis.stop();
        try {
            int allowed = 0;
            int limited = 0;
            for (int attempt = 1; attempt <= 12; attempt++) {
                int status = login(app.http, user.email(), user.password())
                        .returnResult(String.class)
                        .getStatus()
                        .value();
                assertThat(status).as("attempt %d", attempt).isIn(200, 429);
                if (status == 200) {
                    allowed++;
                } else {
                    limited++;
                }
            }
            assertThat(allowed).isLessThanOrEqualTo(10);
            assertThat(limited).isGreaterThanOrEqualTo(2);
        } finally {
            StackRedis.start();
        }
        // the gateway probes Redis in the background and goes back to it on its own
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> WebTestClient.bindToServer()
                        .baseUrl(MobileApp.GATEWAY_MANAGEMENT)
                        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
                        .build()
                        .get()
                        .uri("/actuator/prometheus")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .value(metrics -> assertThat(metrics)
                                .containsPattern("mita_gateway_ratelimit_redis_usable\\{[^}]*\\} 1\\.0")));
        app.from(MobileApp.randomDocumentationAddress())
                .get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("X-RateLimit-Remaining");
    }

    @Test
    void aJsonBodyOverOneMegabyteAnswers413() {
        String token = app.login(app.register("big"));
        byte[] body = ("{\"note\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        app.http
                .post()
                .uri("/api/budget/transactions")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aReceiptUploadOverTenMegabytesAnswers413() {
        String token = app.login(app.register("photographer"));
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("file", new byte[10 * 1024 * 1024 + 1])
                .contentType(MediaType.IMAGE_JPEG)
                .filename("receipt.jpg");
        app.http
                .post()
                .uri("/api/ocr/receipts")
                .headers(headers -> headers.setBearerAuth(token))
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aForeignOriginIsRefusedAndAnAllowedOneGetsCorsHeaders() {
        app.http
                .options()
                .uri("/api/budget/transactions")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        app.http
                .options()
                .uri("/api/budget/transactions")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        String token = app.login(app.register("headers"));
        List<WebTestClient.ResponseSpec> answers = List.of(
                app.http.get().uri("/.well-known/jwks.json").exchange(),
                app.http.get().uri("/api/budget/transactions").exchange(),
                app.http
                        .get()
                        .uri("/api/budget/transactions")
                        .headers(headers -> headers.setBearerAuth(token))
                        .exchange(),
                app.http
                        .get()
                        .uri("/api/nothing-routed-here")
                        .headers(headers -> headers.setBearerAuth(token))
                        .exchange());
        for (WebTestClient.ResponseSpec answer : answers) {
            answer.expectHeader()
                    .valueMatches("Strict-Transport-Security", "max-age=\\d+.*")
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("X-Frame-Options", "DENY")
                    .expectHeader()
                    .exists("Referrer-Policy")
                    .expectHeader()
                    .exists("Permissions-Policy")
                    .expectHeader()
                    .valueMatches("Content-Security-Policy", ".*default-src 'none'.*");
        }
    }

    @Test
    void deniedRequestsReachTheAuditLogAsOneAggregatedSecurityEvent() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            app.http
                    .get()
                    .uri("/api/budget/transactions")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        String subject = "anonymous:"
                + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(app.clientIp.getBytes(StandardCharsets.UTF_8)))
                        .substring(0, 16);
        MobileApp.Account auditor = app.register("auditor");
        String adminToken = app.login(MobileApp.ADMIN_EMAIL, MobileApp.ADMIN_PASSWORD);
        app.grantRoles(adminToken, auditor.userId(), List.of("USER", "COMPLIANCE"));
        String auditorToken = app.login(auditor);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> app.http
                        .get()
                        .uri("/api/audit/events?subject={s}&type=mita.gateway.access.denied.v1", subject)
                        .headers(headers -> headers.setBearerAuth(auditorToken))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.items.length()")
                        .isEqualTo(1)
                        .jsonPath("$.items[0].source")
                        .isEqualTo("/mita/gateway")
                        .jsonPath("$.items[0].data.count")
                        .isEqualTo(3)
                        .jsonPath("$.items[0].data.status")
                        .isEqualTo(401));
    }

    private static WebTestClient.ResponseSpec login(WebTestClient client, String email, String password) {
        return client.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }
}

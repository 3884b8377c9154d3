package io.mita.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The mobile app as seen from the end-to-end suite: it talks only to the gateway, with the same
 * calls and headers the app makes.
 */
public final class MobileApp {

    public static final String GATEWAY = System.getenv().getOrDefault("MITA_E2E_GATEWAY_URL", "http://127.0.0.1:8080");
    /** The gateway's management port: metrics and API docs, never served on {@link #GATEWAY}. */
    public static final String GATEWAY_MANAGEMENT =
            System.getenv().getOrDefault("MITA_E2E_GATEWAY_MANAGEMENT_URL", "http://127.0.0.1:9080");

    static final String ADMIN_EMAIL = System.getenv().getOrDefault("MITA_BOOTSTRAP_ADMIN_EMAIL", "admin@mita.local");
    static final String ADMIN_PASSWORD =
            System.getenv().getOrDefault("MITA_BOOTSTRAP_ADMIN_PASSWORD", "change-me-admin-password");

    /** This app's address as the gateway sees it (loopback is a trusted proxy in the test stack). */
    public final String clientIp = randomDocumentationAddress();

    final WebTestClient http = WebTestClient.bindToServer()
            .baseUrl(GATEWAY)
            .defaultHeader("X-Forwarded-For", clientIp)
            .responseTimeout(Duration.ofSeconds(20))
            .build();

    /**
     * A random address of the IPv6 documentation prefix 2001:db8::/32 (RFC 3849), so no two apps, in
     * this run or an earlier one, share rate-limit buckets; it only ever travels in a header.
     */
    static String randomDocumentationAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "2001:db8:%x:%x:%x:%x:%x:%x"
                .formatted(
                        random.nextInt(0x10000),
                        random.nextInt(0x10000),
                        random.nextInt(0x10000),
                        random.nextInt(0x10000),
                        random.nextInt(0x10000),
                        random.nextInt(0x10000));
    }

    /** The same app calling from another address. */
    WebTestClient from(String ip) {
        return http.mutate().defaultHeader("X-Forwarded-For", ip).build();
    }

    /** A client for a service's own port, bypassing the gateway (as an attacker inside the network would). */
    WebTestClient direct(String baseUrl) {
        return WebTestClient.bindToServer()
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    public record Account(UUID userId, String email, String password) {}

    public Account register(String label) {
        String email = label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.mita.local";
        String password = "correct horse battery " + UUID.randomUUID();
        Map<?, ?> body = http.post()
                .uri("/api/auth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password, "displayName", label))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return new Account(UUID.fromString((String) body.get("userId")), email, password);
    }

    String login(String email, String password) {
        return login(http, email, password);
    }

    /** Signs in through {@code client} (e.g. {@link #from(String)}: another address) and answers the access token. */
    static String login(WebTestClient client, String email, String password) {
        Map<?, ?> tokens = client.post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) tokens.get("accessToken");
    }

    public String login(Account account) {
        return login(account.email(), account.password());
    }

    /** A JSON request as the signed-in user, the way the app sends one (status and body are the caller's to check). */
    WebTestClient.ResponseSpec send(String token, HttpMethod method, String path, Object body) {
        return http.method(method)
                .uri(path)
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /**
     * Uploads the sample receipt photo (one of ocr-service's generated receipts with known truth: TESCO, 22 August
     * 2019, 13.52 EUR) as this user; answers the receipt's path (from {@code Location}).
     */
    String uploadReceipt(String token) throws IOException {
        String resource = "/receipts/tesco-13.52.jpg";
        byte[] image;
        try (InputStream in = Objects.requireNonNull(MobileApp.class.getResourceAsStream(resource), resource)) {
            image = in.readAllBytes();
        }
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(image) {
                    @Override
                    public String getFilename() {
                        return "receipt.jpg";
                    }
                })
                .contentType(MediaType.IMAGE_JPEG);
        String location = http.post()
                .uri("/api/ocr/receipts")
                .headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .bodyValue(body.build())
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult()
                .getResponseHeaders()
                .getLocation()
                .toString();
        return location.substring(location.indexOf("/api/"));
    }

    void grantRoles(String adminToken, UUID userId, List<String> roles) {
        http.put()
                .uri("/api/auth/admin/users/{id}/roles", userId)
                .headers(headers -> headers.setBearerAuth(adminToken))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", roles))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The newest audit-log entry of this type about this subject, as a compliance officer finds it (waits ≤ 90 s). */
    java.util.Map<?, ?> awaitAuditEvent(String complianceToken, UUID subject, String type) {
        java.util.Map<?, ?>[] found = new java.util.Map<?, ?>[1];
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> {
                    java.util.List<?> items = (java.util.List<?>) http.get()
                            .uri("/api/audit/events?subject={s}&type={t}", subject, type)
                            .headers(headers -> headers.setBearerAuth(complianceToken))
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(java.util.Map.class)
                            .returnResult()
                            .getResponseBody()
                            .get("items");
                    if (items.isEmpty()) {
                        return false;
                    }
                    found[0] = (java.util.Map<?, ?>) items.get(0);
                    return true;
                });
        return found[0];
    }
}

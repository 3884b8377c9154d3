package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every answer carries the security headers exactly once, whoever wrote the answer. */
class SecurityHeadersIT extends GatewayTestSupport {

    static final Map<String, String> EXPECTED = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");

    @Test
    void putsThemOnAProxiedAnswerReplacingTheDownstreamsOwnValues() {
        HttpHeaders headers = answer(
                () -> client.get()
                        .uri("/api/budget/with-own-security-headers")
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .exchange(),
                HttpStatus.OK);

        assertSecurityHeadersOnce(headers);
    }

    @Test
    void putsThemOnAProxiedAnswerWithoutAny() {
        assertSecurityHeadersOnce(answer(
                () -> client.get()
                        .uri(uniquePath())
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .exchange(),
                HttpStatus.OK));
    }

    @Test
    void putsThemOnTheUnauthenticatedProblem() {
        assertSecurityHeadersOnce(answer(() -> client.get().uri(uniquePath()).exchange(), HttpStatus.UNAUTHORIZED));
    }

    @Test
    void putsThemOnTheNotFoundProblem() {
        assertSecurityHeadersOnce(answer(
                () -> client.get()
                        .uri("/api/nowhere")
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .exchange(),
                HttpStatus.NOT_FOUND));
    }

    @Test
    void putsThemOnTheTooManyRequestsProblem() {
        String ip = newClientIp();
        for (int i = 0; i < TEST_LOGIN_LIMIT; i++) {
            RateLimitIT.login(client, ip, RateLimitIT.uniqueEmail())
                    .expectStatus()
                    .isOk();
        }

        assertSecurityHeadersOnce(
                answer(() -> RateLimitIT.login(client, ip, RateLimitIT.uniqueEmail()), HttpStatus.TOO_MANY_REQUESTS));
    }

    @Test
    void putsThemOnTheUpstreamUnavailableProblem() {
        assertSecurityHeadersOnce(answer(
                () -> client.post()
                        .uri("/api/audit/events")
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{}")
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void putsThemOnThePayloadTooLargeProblemAndOnAPreflight() {
        assertSecurityHeadersOnce(answer(
                () -> client.post()
                        .uri("/api/budget/transactions")
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(BodyLimitIT.json(2 * 1024 * 1024))
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE));
        assertSecurityHeadersOnce(answer(
                () -> client.options()
                        .uri("/api/budget/transactions")
                        .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                        .exchange(),
                HttpStatus.OK));
    }

    @Test
    void givesTheComplianceConsolesFilesThePagePolicyAndEveryOtherAnswerTheStrictOne() {
        // audit-service is down in these tests: the console's answer is the gateway's own 503
        HttpHeaders console = answer(
                () -> client.get()
                        .uri("/audit/console/")
                        .header("X-Forwarded-For", newClientIp())
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(console.get("Content-Security-Policy"))
                .containsExactly("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                        + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'; "
                        + "require-trusted-types-for 'script'; trusted-types 'none'");
        EXPECTED.entrySet().stream()
                .filter(header -> !header.getKey().equals("Content-Security-Policy"))
                .forEach(header -> assertThat(console.get(header.getKey()))
                        .as(header.getKey())
                        .containsExactly(header.getValue()));
        assertSecurityHeadersOnce(
                answer(() -> client.get().uri("/api/audit/events").exchange(), HttpStatus.UNAUTHORIZED));
    }

    @Test
    void putsThemOnOperationsEndpoints() {
        assertSecurityHeadersOnce(answer(() -> client.get().uri("/readyz").exchange(), HttpStatus.OK));
        assertSecurityHeadersOnce(answer(
                () -> client.get()
                        .uri("/api/budget/" + UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token")
                        .exchange(),
                HttpStatus.UNAUTHORIZED));
    }

    private static HttpHeaders answer(Supplier<WebTestClient.ResponseSpec> request, HttpStatus status) {
        EntityExchangeResult<byte[]> result =
                request.get().expectStatus().isEqualTo(status).expectBody().returnResult();
        return result.getResponseHeaders();
    }

    static void assertSecurityHeadersOnce(HttpHeaders headers) {
        EXPECTED.forEach((name, value) -> assertThat(headers.get(name)).as(name).containsExactly(value));
    }
}

package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The allowed origin is the default {@code http://localhost:3000}. */
class CorsIT extends GatewayTestSupport {

    private static final String ALLOWED = "http://localhost:3000";
    private static final String FOREIGN = "https://evil.example";

    @Test
    void answersAPreflightFromTheAllowedOriginItselfWithTheAllowedMethodsAndHeaders() {
        String path = "/api/budget/transactions/" + UUID.randomUUID();

        client.options()
                .uri(path)
                .header(HttpHeaders.ORIGIN, ALLOWED)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .header(
                        HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
                        "authorization, content-type, if-match, idempotency-key")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods)
                                .contains("GET")
                                .contains("POST")
                                .contains("PUT")
                                .contains("PATCH")
                                .contains("DELETE"))
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase())
                                .contains("authorization")
                                .contains("content-type")
                                .contains("if-match")
                                .contains("idempotency-key"))
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void refusesAForeignOriginsPreflightWith403AndNoAllowOrigin() {
        String path = "/api/budget/transactions";

        expectProblem(
                client.options()
                        .uri(path)
                        .header(HttpHeaders.ORIGIN, FOREIGN)
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                        .exchange()
                        .expectHeader()
                        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN),
                HttpStatus.FORBIDDEN,
                "CORS_REQUEST_REJECTED");
    }

    @Test
    void refusesAPreflightAskingForAMethodOrHeaderOutsideTheList() {
        expectProblem(
                client.options()
                        .uri("/api/budget/transactions")
                        .header(HttpHeaders.ORIGIN, ALLOWED)
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "TRACE")
                        .exchange()
                        .expectHeader()
                        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN),
                HttpStatus.FORBIDDEN,
                "CORS_REQUEST_REJECTED");
        expectProblem(
                client.options()
                        .uri("/api/budget/transactions")
                        .header(HttpHeaders.ORIGIN, ALLOWED)
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-user-id")
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "CORS_REQUEST_REJECTED");
    }

    @Test
    void letsTheAllowedOriginReadAnswersAndTheirExposedHeaders() {
        client.get()
                .uri(uniquePath())
                .header(HttpHeaders.ORIGIN, ALLOWED)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed)
                                .contains("X-Correlation-Id")
                                .contains("X-RateLimit-Limit")
                                .contains("X-RateLimit-Remaining")
                                .contains("X-RateLimit-Reset")
                                .contains("Retry-After")
                                .contains("Location")
                                .contains("ETag"));
    }

    @Test
    void answersWithItsOwnCorsHeadersOnlyWhenTheServiceSendsSomeToo() {
        client.get()
                .uri("/api/budget/with-own-cors-headers")
                .header(HttpHeaders.ORIGIN, ALLOWED)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .values(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
                        values -> assertThat(values).containsExactly(ALLOWED))
                .expectHeader()
                .values(
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        values -> assertThat(values)
                                .hasSize(1)
                                .first()
                                .asString()
                                .contains("X-Correlation-Id")
                                .doesNotContain("X-Internal"));
    }

    @Test
    void letsTheAllowedOriginReadAnUnauthenticatedProblem() {
        client.get()
                .uri(uniquePath())
                .header(HttpHeaders.ORIGIN, ALLOWED)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED);
    }

    @Test
    void refusesAForeignOriginsRequestWithoutForwardingIt() {
        String path = "/api/budget/goals/" + UUID.randomUUID();

        expectProblem(
                client.post()
                        .uri(path)
                        .header(HttpHeaders.ORIGIN, FOREIGN)
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{}")
                        .exchange()
                        .expectHeader()
                        .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN),
                HttpStatus.FORBIDDEN,
                "CORS_REQUEST_REJECTED");

        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void leavesRequestsWithoutAnOriginAloneAsTheMobileAppSendsThem() {
        client.get()
                .uri(uniquePath())
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}

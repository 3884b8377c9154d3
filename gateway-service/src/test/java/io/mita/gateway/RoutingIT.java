package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.common.correlation.CorrelationId;
import io.mita.gateway.FakeDownstream.ReceivedRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class RoutingIT extends GatewayTestSupport {

    @Autowired
    RouteLocator routeLocator;

    @Test
    void forwardsAnAuthenticatedRequestUnchangedWithItsTokenAndTheResponsesCorrelationId() {
        String token = bearer();
        String path = "/api/budget/transactions/" + UUID.randomUUID();

        String correlationId = client.get()
                .uri(path + "?limit=5&category=food")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo(path)
                .returnResult()
                .getResponseHeaders()
                .getFirst(CorrelationId.HEADER);

        List<ReceivedRequest> received = DOWNSTREAM.receivedAt(path);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).method()).isEqualTo("GET");
        assertThat(received.get(0).query()).isEqualTo("limit=5&category=food");
        assertThat(received.get(0).header(HttpHeaders.AUTHORIZATION)).isEqualTo(token);
        assertThat(correlationId).isNotBlank();
        assertThat(received.get(0).header(CorrelationId.HEADER)).isEqualTo(correlationId);
    }

    @Test
    void keepsAWellFormedClientCorrelationIdOnTheForwardedRequestAndTheResponse() {
        String path = "/api/budget/plans/2026-11";

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header(CorrelationId.HEADER, "app-7f3a:42")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(CorrelationId.HEADER, "app-7f3a:42")
                .expectHeader()
                .values(CorrelationId.HEADER, values -> assertThat(values).hasSize(1));

        assertThat(DOWNSTREAM.receivedAt(path))
                .singleElement()
                .extracting(request -> request.header(CorrelationId.HEADER))
                .isEqualTo("app-7f3a:42");
    }

    @Test
    void replacesAMalformedClientCorrelationIdWithOneThatReachesBothDownstreamAndTheClient() {
        String path = "/api/budget/dashboard";

        String answered = client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header(CorrelationId.HEADER, "not a valid id; drop table")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(CorrelationId.HEADER);

        assertThat(answered).isNotBlank().isNotEqualTo("not a valid id; drop table");
        assertThat(DOWNSTREAM.receivedAt(path))
                .singleElement()
                .extracting(request -> request.header(CorrelationId.HEADER))
                .isEqualTo(answered);
    }

    @Test
    void dropsIdentityHeadersSentByTheClientButForwardsOtherHeaders() {
        String path = "/api/budget/goals";

        client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header("X-User-Id", UUID.randomUUID().toString())
                .header("x-user-roles", "ADMIN")
                .header("X-Authenticated-User", "admin@mita.local")
                .header("X-Forwarded-User", "admin")
                .header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"bike\"}")
                .exchange()
                .expectStatus()
                .isOk();

        ReceivedRequest received = DOWNSTREAM.receivedAt(path).get(0);
        assertThat(received.hasHeader("X-User-Id")).isFalse();
        assertThat(received.hasHeader("X-User-Roles")).isFalse();
        assertThat(received.hasHeader("X-Authenticated-User")).isFalse();
        assertThat(received.hasHeader("X-Forwarded-User")).isFalse();
        assertThat(received.header("Idempotency-Key")).isEqualTo("key-1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/auth/me",
                "/api/budget/calendar/2026-11",
                "/api/ocr/receipts/r-1",
                "/api/notifications",
                "/api/notifications/unread-count"
            })
    void routesEachServicesPrefixToItsDownstreamWithThePathUnchanged(String path) {
        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo(path);
    }

    @Test
    void answersAPathOutsideEveryRouteWithANotFoundProblem() {
        expectProblem(
                client.get()
                        .uri("/api/unknown/things")
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "NOT_FOUND");

        assertThat(DOWNSTREAM.receivedAt("/api/unknown/things")).isEmpty();
    }

    @Test
    void answersLivenessAndReadinessItselfOnThePublicPortWithoutAToken() {
        client.get()
                .uri("/livez")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        client.get()
                .uri("/readyz")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");

        assertThat(DOWNSTREAM.receivedAt("/livez")).isEmpty();
        assertThat(DOWNSTREAM.receivedAt("/readyz")).isEmpty();
    }

    @Test
    void servesMetricsAndApiDocsOnlyOnTheManagementPortNeverOnThePublicOne() {
        assertThat(managementPort).isNotEqualTo(port);
        client.get()
                .uri("/api/budget/dashboard")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk();

        for (String path : List.of(
                "/actuator/prometheus", "/v3/api-docs", "/actuator/openapi", "/actuator/info", "/actuator/health")) {
            expectProblem(client.get().uri(path).exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND");
        }

        management()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("jvm_memory_used_bytes")
                        .contains("resilience4j_circuitbreaker_state{")
                        .contains("name=\"budget\""));
        management()
                .get()
                .uri("/actuator/openapi")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.openapi")
                .exists();
        management()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(DOWNSTREAM.receivedAt("/actuator/prometheus")).isEmpty();
        assertThat(DOWNSTREAM.receivedAt("/v3/api-docs")).isEmpty();
    }

    @Test
    void givesEveryRouteTheDefaultTimeoutsUnlessItsServiceOverridesThem() {
        List<Route> routes = routeLocator.getRoutes().collectList().block();

        assertThat(routes)
                .extracting(Route::getId)
                .containsExactlyInAnyOrder(
                        "auth", "budget", "ocr", "insights", "notification-stream", "notification", "audit");
        Route budget = routes.stream()
                .filter(route -> route.getId().equals("budget"))
                .findFirst()
                .orElseThrow();
        assertThat(budget.getMetadata())
                .containsEntry(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, 2000)
                .containsEntry(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, 10000);
        Route ocr = routes.stream()
                .filter(route -> route.getId().equals("ocr"))
                .findFirst()
                .orElseThrow();
        assertThat(ocr.getMetadata())
                .containsEntry(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, 2000)
                .containsEntry(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, 500);
    }
}

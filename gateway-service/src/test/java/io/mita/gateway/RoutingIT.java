package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.tracing.propagation.Propagator;
import io.mita.common.correlation.CorrelationId;
import io.mita.gateway.FakeDownstream.ReceivedRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class RoutingIT extends GatewayTestSupport {

    @Autowired
    RouteLocator routeLocator;

    @Autowired
    List<HttpHeadersFilter> headersFilters;

    @Autowired
    Propagator propagator;

    @Autowired
    List<GlobalFilter> globalFilters;

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

        String answered = answeredCorrelationId(path, "not a valid id; drop table");

        assertThat(answered).isNotBlank().isNotEqualTo("not a valid id; drop table");
        assertThat(DOWNSTREAM.receivedAt(path))
                .singleElement()
                .extracting(request -> request.header(CorrelationId.HEADER))
                .isEqualTo(answered);
    }

    /** GETs {@code path} with the client's correlation id headers and returns the id the gateway answered with. */
    private String answeredCorrelationId(String path, String... clientIds) {
        return client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header(CorrelationId.HEADER, clientIds)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(CorrelationId.HEADER);
    }

    @Test
    void forwardsOneCorrelationIdInPlaceOfTheTwoAClientSentAndAnswersWithTheSame() {
        String path = "/api/budget/categories/" + UUID.randomUUID();

        String answered = answeredCorrelationId(path, "first-id", "second-id");

        assertThat(answered).isNotBlank().isNotIn("first-id", "second-id");
        assertThat(DOWNSTREAM.receivedAt(path))
                .singleElement()
                .extracting(request -> request.headers().get(CorrelationId.HEADER))
                .isEqualTo(List.of(answered));
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

    @Test
    void runsTheProxiedRequestsHeadersThroughOneFilterOfTheGatewaysAndTheResponsesThroughItsOwnRemoval() {
        assertThat(headersFilters)
                .extracting(filter -> filter.getClass().getSimpleName())
                .containsOnlyOnce("ProxiedRequestHeadersFilter", "HopByHopAndForwardedHeadersFilter")
                .doesNotContain(
                        "TraceContextForwardingFilter",
                        "IdentityHeadersFilter",
                        "RemoveForwardedHeadersFilter",
                        "RemoveXForwardedHeadersFilter",
                        "RemoveHopByHopHeadersFilter",
                        "GRPCRequestHeadersFilter",
                        "GRPCResponseHeadersFilter");
        assertThat(headersFilters)
                .filteredOn(filter -> filter.getClass().getSimpleName().startsWith("Proxied"))
                .singleElement()
                .satisfies(filter -> assertThat(filter.supports(HttpHeadersFilter.Type.REQUEST))
                        .isTrue())
                .satisfies(filter -> assertThat(filter.supports(HttpHeadersFilter.Type.RESPONSE))
                        .isFalse());
        assertThat(headersFilters)
                .filteredOn(filter -> filter.getClass().getSimpleName().startsWith("HopByHop"))
                .singleElement()
                .satisfies(filter -> assertThat(filter.supports(HttpHeadersFilter.Type.RESPONSE))
                        .isTrue())
                .satisfies(filter -> assertThat(filter.supports(HttpHeadersFilter.Type.REQUEST))
                        .isFalse());
    }

    @Test
    void forwardsTheClientAddressBehindATrustedProxyAsTheOnlyXForwardedForOnEveryRoute() {
        String clientIp = newClientIp();
        String budget = uniquePath();
        String auth = "/api/auth/sessions/" + UUID.randomUUID();

        for (String path : List.of(budget, auth)) {
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .header("X-Forwarded-For", "192.0.2.66, " + clientIp)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        assertThat(DOWNSTREAM.receivedAt(budget).get(0).headers().get("X-Forwarded-For"))
                .containsExactly(clientIp);
        assertThat(DOWNSTREAM.receivedAt(auth).get(0).headers().get("X-Forwarded-For"))
                .containsExactly(clientIp);
    }

    @Test
    void forwardsThePeerAsTheOnlyXForwardedForWhenAnUntrustedPeerSentOne() {
        String path = uniquePath();

        untrustedClient()
                .get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header("X-Forwarded-For", "198.51.100.1")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(DOWNSTREAM.receivedAt(path).get(0).headers().get("X-Forwarded-For"))
                .containsExactly("127.0.0.2");
    }

    @Test
    void dropsTheHopByHopAndForwardedHeadersAClientSentButForwardsTheRest() {
        String path = "/api/budget/accounts/" + UUID.randomUUID();

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header(HttpHeaders.CONNECTION, "keep-alive, X-Hop-Test")
                .header("X-Hop-Test", "1")
                .header("Keep-Alive", "timeout=5")
                .header(HttpHeaders.TE, "trailers")
                .header(HttpHeaders.PROXY_AUTHORIZATION, "Basic eDp5")
                .header("Forwarded", "for=203.0.113.7")
                .header("X-Forwarded-For", "192.0.2.66, 203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "mita.example")
                .header("Idempotency-Key", "key-2")
                .exchange()
                .expectStatus()
                .isOk();

        ReceivedRequest received = DOWNSTREAM.receivedAt(path).get(0);
        for (String dropped : List.of(
                "X-Hop-Test",
                "Keep-Alive",
                "TE",
                "Proxy-Authorization",
                "Forwarded",
                "X-Forwarded-Proto",
                "X-Forwarded-Host")) {
            assertThat(received.hasHeader(dropped)).as(dropped).isFalse();
        }
        // 127.0.0.1 is a trusted proxy here: its right-most entry is the client, and the only value passed on
        assertThat(received.headers().get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(received.header("Idempotency-Key")).isEqualTo("key-2");
        assertThat(received.header(HttpHeaders.AUTHORIZATION)).startsWith("Bearer ");
    }

    @Test
    void cachesRequestBodiesOnlyThroughTheCacheThatSkipsBodilessRequests() {
        assertThat(globalFilters)
                .extracting(filter -> filter.getClass().getSimpleName())
                .contains("BodyCacheForRequestsWithBody")
                .doesNotContain("AdaptCachedBodyGlobalFilter");
    }

    @Test
    void retriesEveryRouteButTheStreamingOnesWithTheGatewaysOwnGetRetryInsideTheBreaker() {
        List<Route> routes = routeLocator.getRoutes().collectList().block();

        assertThat(routes).hasSize(9).allSatisfy(route -> {
            List<String> filters =
                    route.getFilters().stream().map(RoutingIT::filterClass).toList();
            assertThat(filters)
                    .as(route.getId())
                    .noneMatch(name -> name.startsWith(RetryGatewayFilterFactory.class.getName()));
            int breaker = indexOf(filters, SpringCloudCircuitBreakerFilterFactory.class.getName());
            int retry = filters.indexOf("io.mita.gateway.routing.GetRetryFilter");
            assertThat(breaker).as(route.getId()).isNotNegative();
            if (route.getId().endsWith("-stream")) {
                assertThat(retry).as(route.getId()).isNegative();
            } else {
                assertThat(retry).as(route.getId()).isGreaterThan(breaker);
            }
        });
    }

    private static String filterClass(GatewayFilter filter) {
        GatewayFilter delegate = filter instanceof OrderedGatewayFilter ordered ? ordered.getDelegate() : filter;
        return delegate.getClass().getName();
    }

    /** The first filter whose class is {@code className} or one of its nested or anonymous classes. */
    private static int indexOf(List<String> classNames, String className) {
        for (int i = 0; i < classNames.size(); i++) {
            if (classNames.get(i).equals(className) || classNames.get(i).startsWith(className + "$")) {
                return i;
            }
        }
        return -1;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/auth/me",
                "/api/auth/me/exports/6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b/archive",
                "/api/budget/calendar/2026-11",
                "/api/budget/me/export",
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
    void letsTheComplianceConsolesFilesThroughToAuditServiceWithoutATokenButNotTheAuditApi() {
        // audit-service is down in these tests: 503 from its route's breaker means the token check let it through
        for (String path : List.of("/audit/console", "/audit/console/", "/audit/console/app.js")) {
            expectProblem(
                    client.get()
                            .uri(path)
                            .header("X-Forwarded-For", newClientIp())
                            .exchange(),
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "GATEWAY_UPSTREAM_UNAVAILABLE");
        }
        expectProblem(
                client.get().uri("/api/audit/events").exchange(), HttpStatus.UNAUTHORIZED, "AUTH_UNAUTHENTICATED");
        expectProblem(client.get().uri("/audit/other").exchange(), HttpStatus.UNAUTHORIZED, "AUTH_UNAUTHENTICATED");
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
                        .contains("name=\"budget\"")
                        // the per-route timer the overview dashboard and the error-rate runbook read
                        .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"budget\""));
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
                        "auth-stream",
                        "auth",
                        "budget",
                        "ocr",
                        "insights",
                        "notification-stream",
                        "notification",
                        "audit-stream",
                        "audit");
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

    @Test
    void continuesTheClientsSampledTraceInTheTraceparentItForwardsWithASpanOfItsOwn() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpanId = "00f067aa0ba902b7";
        String path = "/api/budget/traced/" + UUID.randomUUID();

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                .exchange()
                .expectStatus()
                .isOk();

        String forwarded = DOWNSTREAM.receivedAt(path).get(0).header("traceparent");
        assertThat(forwarded).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(forwarded).doesNotContain(clientSpanId);
    }

    @Test
    void propagatesTheTraceContextWithoutBaggage() {
        assertThat(propagator.fields()).contains("traceparent", "tracestate").doesNotContain("baggage");
    }

    @Test
    void dropsAClientsBaggageFromTheForwardedRequest() {
        String path = "/api/budget/baggage/" + UUID.randomUUID();

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01")
                .header("baggage", "userId=someone-else,role=ADMIN")
                .exchange()
                .expectStatus()
                .isOk();

        ReceivedRequest received = DOWNSTREAM.receivedAt(path).get(0);
        assertThat(received.hasHeader("baggage")).isFalse();
        assertThat(received.header("traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
    }

    @Test
    void logsOneLineForAProxiedRequestWithItsCorrelationAndTraceIds() {
        Logger requestLog = (Logger) LoggerFactory.getLogger("mita.request");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        Level levelBefore = requestLog.getLevel();
        requestLog.setLevel(Level.INFO);
        captured.start();
        requestLog.addAppender(captured);
        String correlationId = "log-" + UUID.randomUUID();
        try {
            client.get()
                    .uri("/api/budget/logged")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .header(CorrelationId.HEADER, correlationId)
                    .exchange()
                    .expectStatus()
                    .isOk();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> captured.list.stream()
                            .anyMatch(event -> correlationId.equals(
                                    event.getMDCPropertyMap().get(CorrelationId.CONTEXT_KEY))));
        } finally {
            requestLog.detachAppender(captured);
            requestLog.setLevel(levelBefore);
        }
        assertThat(captured.list)
                .filteredOn(
                        event -> correlationId.equals(event.getMDCPropertyMap().get(CorrelationId.CONTEXT_KEY)))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.getFormattedMessage()).startsWith("GET /api/budget/logged -> 200 in ");
                    assertThat(line.getMDCPropertyMap()).containsKey("traceId").containsKey("spanId");
                });
    }
}

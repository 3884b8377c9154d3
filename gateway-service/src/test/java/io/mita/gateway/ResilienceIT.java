package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.mita.common.correlation.CorrelationId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * audit and insights point at a port nobody listens on. audit's breaker must stay closed for these
 * tests (fewer than its 10 minimum calls are made); insights' breaker is driven open on purpose.
 */
class ResilienceIT extends GatewayTestSupport {

    private static final String UPSTREAM_UNAVAILABLE = "GATEWAY_UPSTREAM_UNAVAILABLE";

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Autowired
    ObjectProvider<ReactiveResilience4jBulkheadProvider> bulkheads;

    @Test
    void answersAServiceThatIsDownWithAnUpstreamUnavailableProblemAndRetryAfter() {
        WebTestClient.ResponseSpec response = client.get()
                .uri("/api/audit/events?subject=someone")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange();

        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10");
        expectProblem(response, HttpStatus.SERVICE_UNAVAILABLE, UPSTREAM_UNAVAILABLE);
    }

    @Test
    void triesAGetThreeTimesWhenTheConnectionIsRefusedButAPostOnlyOnce() {
        int beforeGet = connections.attempts();
        expectProblem(
                client.get()
                        .uri("/api/audit/events/" + UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE,
                UPSTREAM_UNAVAILABLE);
        assertThat(connections.attempts() - beforeGet).isEqualTo(3);

        int beforePost = connections.attempts();
        expectProblem(
                client.post()
                        .uri("/api/audit/events")
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{}")
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE,
                UPSTREAM_UNAVAILABLE);
        assertThat(connections.attempts() - beforePost).isEqualTo(1);
    }

    @Test
    void countsOneBreakerCallPerClientRequestHoweverOftenTheRequestWasRetried() {
        long failedBefore = breakers.getCircuitBreakerRegistry()
                .find("audit")
                .map(breaker -> breaker.getMetrics().getNumberOfFailedCalls())
                .orElse(0);
        int attemptsBefore = connections.attempts();

        client.get()
                .uri("/api/audit/integrity")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        CircuitBreaker audit =
                breakers.getCircuitBreakerRegistry().find("audit").orElseThrow();
        assertThat(connections.attempts() - attemptsBefore).isEqualTo(3);
        assertThat(audit.getMetrics().getNumberOfFailedCalls() - failedBefore).isEqualTo(1);
    }

    @Test
    void retriesAGetAnsweredWith503TwiceAndThenPassesTheDownstreamAnswerThrough() {
        String path = "/api/budget/" + UUID.randomUUID() + "/unavailable";

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .exists(CorrelationId.HEADER)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503);

        assertThat(DOWNSTREAM.receivedAt(path)).hasSize(3);
    }

    @Test
    void neverRetriesAPost() {
        String path = "/api/budget/" + UUID.randomUUID() + "/unavailable";

        client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\":\"12.50\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(DOWNSTREAM.receivedAt(path)).hasSize(1);
    }

    @Test
    void recoversWithinTheRetriesWhenTheSecondTrySucceeds() {
        String path = "/api/budget/fail-once-" + UUID.randomUUID();

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo(path);

        assertThat(DOWNSTREAM.receivedAt(path)).hasSize(2);
    }

    @Test
    void timesOutASlowAnswerAtTheServicesOwnResponseTimeoutWithoutRetryingIt() {
        String path = "/api/ocr/receipts/" + UUID.randomUUID() + "/slow";
        long started = System.nanoTime();

        WebTestClient.ResponseSpec response = client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange();

        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10");
        expectProblem(response, HttpStatus.SERVICE_UNAVAILABLE, UPSTREAM_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Duration.ofMillis(FakeDownstream.SLOW_MILLIS));
        assertThat(DOWNSTREAM.receivedAt(path)).hasSize(1);
    }

    @Test
    void letsASlowAnswerWithinTheResponseTimeoutThrough() {
        String path = "/api/budget/" + UUID.randomUUID() + "/slow";

        client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.slow")
                .isEqualTo(true);
    }

    @Test
    void opensTheBreakerWhenHalfTheCallsFailAndThenAnswersWithoutCallingTheService() {
        for (int i = 0; i < 10; i++) {
            client.post()
                    .uri("/api/insights")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        }
        CircuitBreaker insights =
                breakers.getCircuitBreakerRegistry().find("insights").orElseThrow();
        assertThat(insights.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        int attemptsBefore = connections.attempts();
        WebTestClient.ResponseSpec response = client.get()
                .uri("/api/insights?month=2026-11")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange();

        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10");
        expectProblem(response, HttpStatus.SERVICE_UNAVAILABLE, UPSTREAM_UNAVAILABLE);
        assertThat(connections.attempts()).isEqualTo(attemptsBefore);
        assertThat(insights.getMetrics().getNumberOfNotPermittedCalls()).isPositive();
    }

    @Test
    void tunesEveryServicesBreakerAsConfigured() {
        client.get()
                .uri("/api/budget/dashboard")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus()
                .isOk();

        CircuitBreakerConfig budget = breakers.getCircuitBreakerRegistry()
                .find("budget")
                .orElseThrow()
                .getCircuitBreakerConfig();
        assertThat(budget.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
        assertThat(budget.getSlidingWindowSize()).isEqualTo(20);
        assertThat(budget.getMinimumNumberOfCalls()).isEqualTo(10);
        assertThat(budget.getFailureRateThreshold()).isEqualTo(50f);
        assertThat(budget.getSlowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(5));
        assertThat(budget.getSlowCallRateThreshold()).isEqualTo(50f);
        assertThat(budget.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(10_000L);
        assertThat(bulkheads.getIfAvailable())
                .as("no bulkhead capping concurrent calls per service")
                .isNull();
    }

    @Test
    void streamsServerSentEventsThroughTheirOwnRouteWhoseBreakerNeverCountsThemAsSlow() {
        Flux<String> events = client.get()
                .uri("/api/notifications/stream")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();

        StepVerifier.create(events)
                .expectNext("one")
                .expectNext("two")
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        CircuitBreaker stream =
                breakers.getCircuitBreakerRegistry().find("notification-stream").orElseThrow();
        assertThat(stream.getCircuitBreakerConfig().getSlowCallDurationThreshold())
                .isGreaterThan(Duration.ofDays(1));
        assertThat(stream.getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(50f);
        assertThat(stream.getMetrics().getNumberOfSuccessfulCalls()).isPositive();
    }

    @Test
    void answersNotFoundWhenAClientCallsTheFallbackDirectly() {
        expectProblem(
                client.get()
                        .uri("/_gateway/fallback/upstream-unavailable")
                        .header(HttpHeaders.AUTHORIZATION, bearer())
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "NOT_FOUND");
    }
}

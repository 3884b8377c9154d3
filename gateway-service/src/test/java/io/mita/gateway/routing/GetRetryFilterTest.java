package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ALREADY_ROUTED_ATTR;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.gateway.resilience.KeyedRequestRetry;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import reactor.test.StepVerifier;

class GetRetryFilterTest {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(10);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final GetRetryFilter filter = new GetRetryFilter(
            new GatewayRoutesProperties.Retry(2, FIRST_BACKOFF, Duration.ofMillis(500)), new KeyedRequestRetry(meters));

    @Test
    void callsAGetThatSucceedsOnceAndPassesItsAnswerOn() {
        Downstream downstream = new Downstream(exchange -> answer(exchange, HttpStatus.OK));
        MockServerWebExchange exchange = exchange(HttpMethod.GET);

        StepVerifier.create(filter.filter(exchange, downstream)).verifyComplete();

        assertThat(downstream.tries()).isEqualTo(1);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void triesAGetThreeTimesWhenTheConnectionIsRefusedAndThenFailsWithTheRefusal() {
        ConnectException refused = new ConnectException("Connection refused");
        Downstream downstream = new Downstream(exchange -> Mono.error(refused));

        StepVerifier.create(filter.filter(exchange(HttpMethod.GET), downstream))
                .expectErrorMatches(failure -> failure == refused)
                .verify(Duration.ofSeconds(30));

        assertThat(downstream.tries()).isEqualTo(3);
    }

    @Test
    void retriesAGetWhoseFailureWasCausedByARefusedConnection() {
        Downstream downstream = new Downstream(exchange -> Mono.error(new IOException(new ConnectException())));

        StepVerifier.create(filter.filter(exchange(HttpMethod.GET), downstream))
                .expectError(IOException.class)
                .verify(Duration.ofSeconds(30));

        assertThat(downstream.tries()).isEqualTo(3);
    }

    @Test
    void neverRetriesAGetThatFailedForAnotherReason() {
        Downstream downstream = new Downstream(exchange -> Mono.error(new IOException("reset by peer")));

        StepVerifier.create(filter.filter(exchange(HttpMethod.GET), downstream))
                .expectError(IOException.class)
                .verify(Duration.ofSeconds(30));

        assertThat(downstream.tries()).isEqualTo(1);
    }

    @Test
    void triesAGetAnswered502503Or504ThreeTimesAndPassesTheLastAnswerOn() {
        for (HttpStatus status :
                List.of(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)) {
            Downstream downstream = new Downstream(exchange -> answer(exchange, status));
            MockServerWebExchange exchange = exchange(HttpMethod.GET);

            StepVerifier.create(filter.filter(exchange, downstream))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));

            assertThat(downstream.tries()).as("%s", status).isEqualTo(3);
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(status);
        }
    }

    @Test
    void neverRetriesAGetAnsweredWithAnotherError() {
        Downstream downstream = new Downstream(exchange -> answer(exchange, HttpStatus.INTERNAL_SERVER_ERROR));

        StepVerifier.create(filter.filter(exchange(HttpMethod.GET), downstream)).verifyComplete();

        assertThat(downstream.tries()).isEqualTo(1);
    }

    @Test
    void stopsRetryingWhenASecondTrySucceedsAndResetsTheExchangeBeforeIt() {
        List<Object> alreadyRoutedAtEachTry = new ArrayList<>();
        Downstream downstream = new Downstream(exchange -> {
            alreadyRoutedAtEachTry.add(exchange.getAttributes().get(GATEWAY_ALREADY_ROUTED_ATTR));
            exchange.getAttributes().put(GATEWAY_ALREADY_ROUTED_ATTR, true);
            return alreadyRoutedAtEachTry.size() == 1
                    ? answer(exchange, HttpStatus.SERVICE_UNAVAILABLE)
                    : answer(exchange, HttpStatus.OK);
        });
        MockServerWebExchange exchange = exchange(HttpMethod.GET);

        StepVerifier.create(filter.filter(exchange, downstream))
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(downstream.tries()).isEqualTo(2);
        assertThat(alreadyRoutedAtEachTry).containsExactly(null, null);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void neverRetriesAnyOtherMethodWhetherRefusedOrAnswered503() {
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            Downstream refused = new Downstream(exchange -> Mono.error(new ConnectException()));
            StepVerifier.create(filter.filter(exchange(method), refused))
                    .expectError(ConnectException.class)
                    .verify(Duration.ofSeconds(30));
            assertThat(refused.tries()).as("%s refused", method).isEqualTo(1);

            Downstream unavailable = new Downstream(exchange -> answer(exchange, HttpStatus.SERVICE_UNAVAILABLE));
            StepVerifier.create(filter.filter(exchange(method), unavailable)).verifyComplete();
            assertThat(unavailable.tries()).as("%s answered 503", method).isEqualTo(1);
        }
    }

    @Test
    void waitsTheFirstBackoffDoubledPerRetryUpToTheLongestWait() {
        GetRetryFilter slow =
                new GetRetryFilter(new GatewayRoutesProperties.Retry(6, Duration.ofMillis(50), Duration.ofMillis(500)));

        assertThat(List.of(slow.backoff(1), slow.backoff(2), slow.backoff(3), slow.backoff(4), slow.backoff(5)))
                .containsExactly(
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(500));
    }

    @Test
    void waitsBetweenTries() {
        Downstream downstream = new Downstream(exchange -> answer(exchange, HttpStatus.SERVICE_UNAVAILABLE));
        GetRetryFilter patient = new GetRetryFilter(
                new GatewayRoutesProperties.Retry(2, Duration.ofMillis(200), Duration.ofMillis(500)));

        long started = System.nanoTime();
        StepVerifier.create(patient.filter(exchange(HttpMethod.GET), downstream))
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        // 200 ms before the second try, 400 ms before the third
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void sendsAKeyedPostOnceMoreWhenItsConnectionClosedBeforeAnyAnswerAndCountsTheRetry() {
        List<Object> alreadyRoutedAtEachTry = new ArrayList<>();
        Downstream downstream = new Downstream(exchange -> {
            alreadyRoutedAtEachTry.add(exchange.getAttributes().get(GATEWAY_ALREADY_ROUTED_ATTR));
            exchange.getAttributes().put(GATEWAY_ALREADY_ROUTED_ATTR, true);
            return alreadyRoutedAtEachTry.size() == 1
                    ? Mono.error(PrematureCloseException.TEST_EXCEPTION)
                    : answer(exchange, HttpStatus.CREATED);
        });
        MockServerWebExchange exchange = keyed(HttpMethod.POST);

        StepVerifier.create(filter.filter(exchange, downstream))
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(downstream.tries()).isEqualTo(2);
        assertThat(alreadyRoutedAtEachTry).containsExactly(null, null);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(meters.get("mita.gateway.keyed.retries")
                        .tag("cause", "PrematureCloseException")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    /** One walk asks each link at most twice (for the next one, and whether it is its own cause); two walks, four. */
    @Test
    void looksForTheConnectionFailureInAKeyedPostsFailureOnce() {
        AtomicInteger askedForItsCause = new AtomicInteger();
        RuntimeException wrapped = new RuntimeException("routing failed", new ConnectException("Connection refused")) {
            @Override
            public synchronized Throwable getCause() {
                askedForItsCause.incrementAndGet();
                return super.getCause();
            }
        };
        Downstream downstream = new Downstream(
                exchange -> askedForItsCause.get() == 0 ? Mono.error(wrapped) : answer(exchange, HttpStatus.CREATED));

        StepVerifier.create(filter.filter(keyed(HttpMethod.POST), downstream))
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(downstream.tries()).isEqualTo(2);
        assertThat(askedForItsCause.get()).isBetween(1, 2);
    }

    @Test
    void countsTheRetriesOfOneRouteAndCauseInOneCounterAndAnotherCauseInItsOwn() {
        for (Throwable failure : List.of(
                PrematureCloseException.TEST_EXCEPTION,
                PrematureCloseException.TEST_EXCEPTION,
                new ConnectException("Connection refused"))) {
            AtomicInteger tries = new AtomicInteger();
            Downstream downstream = new Downstream(exchange ->
                    tries.incrementAndGet() == 1 ? Mono.error(failure) : answer(exchange, HttpStatus.CREATED));
            StepVerifier.create(filter.filter(keyed(HttpMethod.POST), downstream))
                    .expectComplete()
                    .verify(Duration.ofSeconds(30));
        }

        assertThat(meters.find("mita.gateway.keyed.retries").counters())
                .extracting(counter -> counter.getId().getTag("cause") + "=" + counter.count())
                .containsExactlyInAnyOrder("PrematureCloseException=2.0", "ConnectException=1.0");
    }

    @Test
    void sendsAKeyedPostOnceMoreWhenItsConnectionWasResetOrRefused() {
        for (Throwable failure : List.of(
                new IOException("recvAddress(..) failed: Connection reset by peer"),
                new IOException("Broken pipe"),
                new ConnectException("Connection refused"))) {
            Downstream downstream = new Downstream(exchange -> Mono.error(failure));

            StepVerifier.create(filter.filter(keyed(HttpMethod.POST), downstream))
                    .expectErrorMatches(error -> error == failure)
                    .verify(Duration.ofSeconds(30));

            assertThat(downstream.tries()).as("%s", failure).isEqualTo(2);
        }
    }

    @Test
    void neverRetriesAKeyedPostThatGotAnAnswerOrTimedOut() {
        Downstream answered503 = new Downstream(exchange -> answer(exchange, HttpStatus.SERVICE_UNAVAILABLE));
        StepVerifier.create(filter.filter(keyed(HttpMethod.POST), answered503)).verifyComplete();
        assertThat(answered503.tries()).as("answered 503").isEqualTo(1);

        Downstream closedWhileAnswering = new Downstream(exchange -> {
            exchange.getAttributes().put(CLIENT_RESPONSE_ATTR, "the response's headers arrived");
            return Mono.error(PrematureCloseException.TEST_EXCEPTION);
        });
        StepVerifier.create(filter.filter(keyed(HttpMethod.POST), closedWhileAnswering))
                .expectError(PrematureCloseException.class)
                .verify(Duration.ofSeconds(30));
        assertThat(closedWhileAnswering.tries())
                .as("closed after the answer began")
                .isEqualTo(1);

        Downstream timedOut = new Downstream(exchange -> Mono.error(new TimeoutException("Response took longer")));
        StepVerifier.create(filter.filter(keyed(HttpMethod.POST), timedOut))
                .expectError(TimeoutException.class)
                .verify(Duration.ofSeconds(30));
        assertThat(timedOut.tries()).as("timed out").isEqualTo(1);
        assertThat(meters.find("mita.gateway.keyed.retries").counter()).isNull();
    }

    @Test
    void neverRetriesAPostWithoutAKeyOrAnotherKeyedMethodWhoseConnectionClosedBeforeAnyAnswer() {
        Downstream unkeyedPost = new Downstream(exchange -> Mono.error(PrematureCloseException.TEST_EXCEPTION));
        StepVerifier.create(filter.filter(exchange(HttpMethod.POST), unkeyedPost))
                .expectError(PrematureCloseException.class)
                .verify(Duration.ofSeconds(30));
        assertThat(unkeyedPost.tries()).as("POST without a key").isEqualTo(1);

        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            Downstream keyedOther = new Downstream(exchange -> Mono.error(PrematureCloseException.TEST_EXCEPTION));
            StepVerifier.create(filter.filter(keyed(method), keyedOther))
                    .expectError(PrematureCloseException.class)
                    .verify(Duration.ofSeconds(30));
            assertThat(keyedOther.tries()).as("%s with a key", method).isEqualTo(1);
        }
    }

    @Test
    void neverRetriesAKeyedPostOnARouteWhoseServiceDoesNotHonourTheKey() {
        GetRetryFilter withoutKeyedRetry =
                new GetRetryFilter(new GatewayRoutesProperties.Retry(2, FIRST_BACKOFF, Duration.ofMillis(500)));
        Downstream closing = new Downstream(exchange -> Mono.error(PrematureCloseException.TEST_EXCEPTION));

        StepVerifier.create(withoutKeyedRetry.filter(keyed(HttpMethod.POST), closing))
                .expectError(PrematureCloseException.class)
                .verify(Duration.ofSeconds(30));

        assertThat(closing.tries()).isEqualTo(1);
    }

    private static MockServerWebExchange keyed(HttpMethod method) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(method, "/api/budget/transactions")
                .header(KeyedRequestRetry.IDEMPOTENCY_KEY, "3f1c9a52-key"));
    }

    private static MockServerWebExchange exchange(HttpMethod method) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(method, "/api/budget/envelopes"));
    }

    private static Mono<Void> answer(ServerWebExchange exchange, HttpStatus status) {
        return Mono.fromRunnable(() -> exchange.getResponse().setStatusCode(status));
    }

    /** The rest of the route's filters and the proxied call: counts the tries. */
    private static final class Downstream implements GatewayFilterChain {

        private final Function<ServerWebExchange, Mono<Void>> call;
        private final AtomicInteger tries = new AtomicInteger();

        Downstream(Function<ServerWebExchange, Mono<Void>> call) {
            this.call = call;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange) {
            return Mono.defer(() -> {
                tries.incrementAndGet();
                return call.apply(exchange);
            });
        }

        int tries() {
            return tries.get();
        }
    }
}

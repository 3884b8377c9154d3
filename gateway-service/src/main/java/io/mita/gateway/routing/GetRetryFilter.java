package io.mita.gateway.routing;

import io.mita.gateway.resilience.KeyedRequestRetry;
import java.net.ConnectException;
import java.time.Duration;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Repeats a GET whose call failed to connect ({@link ConnectException}, or an error caused by one) or was answered
 * 502, 503 or 504, at most {@code retries} times, waiting {@code firstBackoff} doubled per retry up to
 * {@code maxBackoff}. What Spring Cloud Gateway's {@code Retry} filter did with MITA's settings, without building a
 * {@code retryWhen} spec and a {@code repeatWhen} companion pipeline per request (issue 14, "sixth pass"): a try that
 * succeeds costs one status check. A POST with an {@code Idempotency-Key} is sent once more when its connection failed
 * before any answer ({@link KeyedRequestRetry}); every other request passes through once.
 */
final class GetRetryFilter implements GatewayFilter {

    private final int retries;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final KeyedRequestRetry keyedRequests;

    /** Without the keyed POST's retry: for a route whose service does not honour {@code Idempotency-Key}. */
    GetRetryFilter(GatewayRoutesProperties.Retry retry) {
        this(retry, null);
    }

    /** @param keyedRequests the keyed POST's retry, or null where the service does not honour the key */
    GetRetryFilter(GatewayRoutesProperties.Retry retry, KeyedRequestRetry keyedRequests) {
        this.retries = retry.retries();
        this.firstBackoff = retry.firstBackoff();
        this.maxBackoff = retry.maxBackoff();
        this.keyedRequests = keyedRequests;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
            return attempt(exchange, chain, 0);
        }
        if (keyedRequests != null && KeyedRequestRetry.appliesTo(exchange.getRequest())) {
            return keyedRequests.filter(exchange, chain);
        }
        return chain.filter(exchange);
    }

    /** {@code retried}: tries made before this one. The last try's outcome is the answer, whatever it is. */
    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retried) {
        Mono<Void> call = chain.filter(exchange);
        if (retried >= retries) {
            return call;
        }
        return call.then(Mono.fromSupplier(
                        () -> isRetryableStatus(exchange.getResponse().getStatusCode())))
                .onErrorResume(GetRetryFilter::isConnectFailure, failure -> Mono.just(true))
                .flatMap(again -> again ? retry(exchange, chain, retried + 1) : Mono.empty());
    }

    private Mono<Void> retry(ServerWebExchange exchange, GatewayFilterChain chain, int retry) {
        // drops the previous try's connection, response attributes and headers, and its "already routed" mark,
        // before the wait (as Spring's filter did)
        ServerWebExchangeUtils.reset(exchange);
        return Mono.delay(backoff(retry)).then(Mono.defer(() -> attempt(exchange, chain, retry)));
    }

    /** The wait before retry number {@code retry} (1-based): firstBackoff, doubled per retry, at most maxBackoff. */
    Duration backoff(int retry) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < retry && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    static boolean isRetryableStatus(HttpStatusCode status) {
        if (status == null) {
            return false;
        }
        int code = status.value();
        return code == 502 || code == 503 || code == 504;
    }

    static boolean isConnectFailure(Throwable failure) {
        return failure instanceof ConnectException || failure.getCause() instanceof ConnectException;
    }
}

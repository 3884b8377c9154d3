package io.mita.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Sends a POST that carries an {@code Idempotency-Key} a second time, once, when its call failed on the connection
 * before any byte of an answer arrived: the pooled connection was closed under it (Reactor Netty's
 * {@link PrematureCloseException} "BEFORE response"), reset, or refused. The service deduplicates by the key (that is
 * the key's purpose: budget-service answers a replay with the transaction the first try made), so a request that did
 * reach it before the connection broke is not done twice. Never after an answer arrived (a 5xx included), never a
 * timeout (the service may still be working), never a request without the key. Reactor Netty retries on its own
 * only a request none of whose headers were sent yet (docs/decisions.md, "A keyed POST is retried once ...").
 * Each retry is logged and counted in {@value #RETRIES} (tags {@code route}, {@code cause}).
 */
public final class KeyedRequestRetry {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String RETRIES = "mita.gateway.keyed.retries";

    private static final Logger log = LoggerFactory.getLogger(KeyedRequestRetry.class);

    private final MeterRegistry meters;

    /** Each (route, cause)'s counter, registered once, on its first retry. */
    private final Map<RetryTags, Counter> retries = new ConcurrentHashMap<>();

    public KeyedRequestRetry(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A POST with a non-blank {@code Idempotency-Key}. */
    public static boolean appliesTo(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod())
                && StringUtils.hasText(request.getHeaders().getFirst(IDEMPOTENCY_KEY));
    }

    /** The call, and once more if it failed on its connection before any answer arrived. */
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(failure -> {
            Throwable cause = connectionFailureBeforeAnyAnswer(exchange, failure);
            if (cause == null) {
                return Mono.error(failure);
            }
            retrying(exchange, cause);
            // drops the first try's connection and "already routed" mark (as the GET retry does)
            ServerWebExchangeUtils.reset(exchange);
            return chain.filter(exchange);
        });
    }

    /** The connection failure in {@code failure} when no answer had arrived yet; null when it is not to be retried. */
    static Throwable connectionFailureBeforeAnyAnswer(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getAttribute(CLIENT_RESPONSE_ATTR) != null
                || exchange.getResponse().isCommitted()) {
            return null;
        }
        return connectionFailure(failure);
    }

    /**
     * The connection-level failure in {@code failure}'s causes: closed before an answer, reset, broken pipe, refused;
     * null for anything else (a timeout, a failure while the answer was read, an error of the gateway's own).
     */
    static Throwable connectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isConnectionFailure(cause)) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof PrematureCloseException) {
            return !String.valueOf(cause.getMessage()).contains("DURING response");
        }
        if (cause instanceof AbortedException) {
            return AbortedException.isConnectionReset(cause);
        }
        if (cause instanceof ConnectException || cause instanceof ClosedChannelException) {
            return true;
        }
        String message = cause.getMessage();
        return cause instanceof IOException
                && message != null
                && (message.contains("Connection reset") || message.contains("Broken pipe"));
    }

    /** Logs and counts a retry for {@code cause}, the connection failure of the first try. */
    private void retrying(ServerWebExchange exchange, Throwable cause) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String routeId = route == null ? "none" : route.getId();
        String causeName = cause.getClass().getSimpleName();
        // the cause as text, not as the log call's exception: one line per retry, no stack trace
        log.warn(
                "retrying a keyed POST once route={} path={} cause={}: {}",
                routeId,
                exchange.getRequest().getPath().value(),
                causeName,
                cause.getMessage());
        retries.computeIfAbsent(new RetryTags(routeId, causeName), this::register)
                .increment();
    }

    private Counter register(RetryTags tags) {
        return Counter.builder(RETRIES)
                .description("POSTs with an Idempotency-Key sent again after their connection failed before an answer")
                .tag("route", tags.route())
                .tag("cause", tags.cause())
                .register(meters);
    }

    /** A retry counter's tags: few (the configured routes times the handful of connection-failure types). */
    private record RetryTags(String route, String cause) {}
}

package io.mita.gateway.resilience;

import io.mita.gateway.bodylimit.BodyTooLargeException;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where every route's circuit breaker forwards when its downstream service fails (connection refused,
 * timeout, open breaker): a 503 problem {@code GATEWAY_UPSTREAM_UNAVAILABLE} with {@code Retry-After}
 * (the breaker's wait in the open state), whatever the request's method. A chunked request body that
 * passed its size limit while being forwarded also ends here and is answered 413, as it should. Only the gateway's internal
 * forward reaches it meaningfully: called directly, it answers 404 like any unknown path.
 */
@Hidden
@RestController
public class UpstreamFallbackController {

    static final String PATH = "/_gateway/fallback/upstream-unavailable";
    public static final String FORWARD_URI = "forward:" + PATH;

    private static final Logger log = LoggerFactory.getLogger(UpstreamFallbackController.class);

    private final String retryAfterSeconds;

    UpstreamFallbackController(CircuitBreakerProperties tuning) {
        this.retryAfterSeconds =
                Long.toString(Math.max(1, tuning.waitDurationInOpenState().toSeconds()));
    }

    @RequestMapping(PATH)
    Mono<Void> upstreamUnavailable(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            // called directly by a client, not forwarded by a route's breaker: there is nothing here
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        BodyTooLargeException tooLarge = cause == null ? null : BodyTooLargeException.findIn(cause);
        if (tooLarge != null) {
            // a chunked body passed its limit while being forwarded: the client's fault, not the service's
            return Mono.error(tooLarge);
        }
        log.warn("upstream unavailable route={} cause={}", route.getId(), cause == null ? "none" : cause.toString());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return Mono.error(new UpstreamUnavailableException());
    }
}

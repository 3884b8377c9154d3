package io.mita.gateway.securityevents;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.correlation.CorrelationId;
import io.mita.gateway.WebFilterOrder;
import io.mita.gateway.caller.ClientAddressResolver;
import io.mita.gateway.caller.Clients;
import io.mita.gateway.routing.RouteNames;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Notes every answer with status 401, 403 or 429 — the gateway's own and the ones it proxies — just
 * before it is committed, for the aggregated security events. Costs one status check per request.
 */
class DeniedRequestsWebFilter implements WebFilter, Ordered {

    private final AccessDeniedAggregator aggregator;
    private final ClientAddressResolver addresses;
    private final RouteNames routes;
    private final MeterRegistry meters;
    private final Counter overflow;

    DeniedRequestsWebFilter(
            AccessDeniedAggregator aggregator,
            ClientAddressResolver addresses,
            RouteNames routes,
            MeterRegistry meters) {
        this.aggregator = aggregator;
        this.addresses = addresses;
        this.routes = routes;
        this.meters = meters;
        this.overflow = Counter.builder("mita.gateway.security.events.overflow")
                .description("refused requests of clients that did not fit into their window's key limit")
                .register(meters);
    }

    static boolean isDenial(HttpStatusCode status) {
        int code = status.value();
        return code == 401 || code == 403 || code == 429;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpStatusCode status = response.getStatusCode();
            if (status != null && isDenial(status)) {
                record(exchange, status.value());
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private void record(ServerWebExchange exchange, int status) {
        String clientKey = Clients.userId(exchange)
                .map(id -> AccessDenied.USER_PREFIX + id)
                .orElseGet(() -> Clients.anonymousKey(addresses.clientIp(exchange)));
        String correlationId = exchange.getAttribute(CorrelationId.CONTEXT_KEY);
        if (!aggregator.record(clientKey, status, routes.of(exchange), correlationId)) {
            overflow.increment();
        }
        Counter.builder("mita.gateway.denied.requests")
                .description("answers with 401, 403 or 429, by status")
                .tag("status", Integer.toString(status))
                .register(meters)
                .increment();
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.DENIED_REQUESTS;
    }
}

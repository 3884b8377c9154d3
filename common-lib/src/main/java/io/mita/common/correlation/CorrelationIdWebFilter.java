package io.mita.common.correlation;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every exchange a correlation id: a well-formed incoming {@code X-Correlation-Id} is kept,
 * otherwise a new one is made. The id is set on the request (so a gateway forwards it), on the
 * response, and in the Reactor context (from where it reaches the logs' MDC and outgoing events).
 */
public class CorrelationIdWebFilter implements WebFilter, Ordered {

    /** Runs before security, so even a 401 carries the id. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> received = exchange.getRequest().getHeaders().get(CorrelationId.HEADER);
        boolean keptAsReceived =
                received != null && received.size() == 1 && CorrelationId.isWellFormed(received.get(0));
        String id = keptAsReceived ? received.get(0) : CorrelationId.create();
        exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
        // the request already carries exactly this id (every call a gateway forwards): no mutated request and
        // exchange (a copy of all headers) per request
        ServerWebExchange withId = keptAsReceived ? exchange : withRequestHeader(exchange, id);
        withId.getAttributes().put(CorrelationId.CONTEXT_KEY, id);
        return chain.filter(withId).contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, id));
    }

    private static ServerWebExchange withRequestHeader(ServerWebExchange exchange, String id) {
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(CorrelationId.HEADER, id))
                .build();
        return exchange.mutate().request(request).build();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

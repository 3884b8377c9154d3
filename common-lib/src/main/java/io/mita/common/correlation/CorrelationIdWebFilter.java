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
 * response, in the exchange's attribute {@link CorrelationId#CONTEXT_KEY} and in the Reactor context (from where it
 * reaches the logs' MDC and outgoing events). A gateway that writes the id into the proxied request's headers itself
 * uses {@link #leavingTheRequestAsReceived()}: no mutated request per request without a well-formed id.
 */
public class CorrelationIdWebFilter implements WebFilter, Ordered {

    /** Runs before security, so even a 401 carries the id. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final boolean setsRequestHeader;

    public CorrelationIdWebFilter() {
        this(true);
    }

    private CorrelationIdWebFilter(boolean setsRequestHeader) {
        this.setsRequestHeader = setsRequestHeader;
    }

    /**
     * The id on the response, in the attribute and in the context only; the request keeps the headers it came with,
     * so whoever forwards it must write the attribute's id into the forwarded headers (the gateway's
     * {@code TraceContextForwardingFilter}).
     */
    public static CorrelationIdWebFilter leavingTheRequestAsReceived() {
        return new CorrelationIdWebFilter(false);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> received = exchange.getRequest().getHeaders().get(CorrelationId.HEADER);
        boolean keptAsReceived =
                received != null && received.size() == 1 && CorrelationId.isWellFormed(received.get(0));
        String id = keptAsReceived ? received.get(0) : CorrelationId.create();
        exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
        // the request already carries exactly this id (every call a gateway forwards): no mutated request and
        // exchange (a copy of all headers) per request
        ServerWebExchange withId = keptAsReceived || !setsRequestHeader ? exchange : withRequestHeader(exchange, id);
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

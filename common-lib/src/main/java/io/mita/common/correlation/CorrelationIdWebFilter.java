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
 * otherwise a new one is made. The id is set on the response, in the exchange's attribute {@link CorrelationId#CONTEXT_KEY}
 * and in the Reactor context (from where it reaches the logs' MDC and outgoing events); a new id goes onto the request
 * as well ({@link NewIdOnRequest}: by default as its header, so whatever forwards the request forwards the id).
 */
public class CorrelationIdWebFilter implements WebFilter, Ordered {

    /** Runs before security, so even a 401 carries the id. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /**
     * What the chain continues with when the request did not come with exactly one well-formed id: the exchange
     * given the new id by whatever means suits the process.
     */
    @FunctionalInterface
    public interface NewIdOnRequest {
        ServerWebExchange carry(ServerWebExchange exchange, String id);
    }

    private final NewIdOnRequest newIdOnRequest;

    /** A new id is set as the request's header: a mutated request and exchange. */
    public CorrelationIdWebFilter() {
        this(CorrelationIdWebFilter::withRequestHeader);
    }

    public CorrelationIdWebFilter(NewIdOnRequest newIdOnRequest) {
        this.newIdOnRequest = newIdOnRequest;
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
        ServerWebExchange withId = keptAsReceived ? exchange : newIdOnRequest.carry(exchange, id);
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

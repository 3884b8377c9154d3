package io.mita.gateway.routing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Continues the trace downstream: the proxied request carries the gateway's own server span as its parent
 * ({@code traceparent}, {@code tracestate}: whatever the configured propagator writes), replacing the client's copies
 * and dropping a client's {@code baggage} header (baggage propagation is off:
 * {@code management.tracing.baggage.enabled=false}; were it on, the propagator would write its own), so a service's
 * span hangs under the gateway's and follows its sampling decision. It stands in for Spring Cloud Gateway's client
 * observation (off: {@code spring.cloud.gateway.server.webflux.observability.enabled=false}), which opened a second
 * observation per request (a client span, a timer and their handlers) that no dashboard, alert or SLO reads (issue 14,
 * docs/decisions.md). Without a server span (tracing off) the trace headers pass unchanged.
 */
final class TraceContextHeaders implements ProxiedRequestHeaderEdit {

    /** W3C's baggage header, dropped whether or not the propagator writes it (baggage is off in MITA). */
    static final String BAGGAGE = "baggage";

    private final Propagator propagator;

    /** The propagator's header names and the baggage header, computed once (the propagator builds a new list per call). */
    private final List<String> replaced;

    TraceContextHeaders(Propagator propagator) {
        this.propagator = propagator;
        Set<String> names = new LinkedHashSet<>(propagator.fields());
        names.add(BAGGAGE);
        this.replaced = List.copyOf(names);
    }

    @Override
    public void edit(EditedHeaders headers, ServerWebExchange exchange) {
        Span span = serverSpan(exchange);
        if (span == null) {
            return;
        }
        HttpHeaders copy = headers.writable();
        for (String name : replaced) {
            copy.remove(name);
        }
        propagator.inject(span.context(), copy, HttpHeaders::set);
    }

    /** The gateway's server span of this exchange, looked up once per request; null without one. */
    private static Span serverSpan(ServerWebExchange exchange) {
        ServerRequestObservationContext observation = ServerRequestObservationContext.findCurrent(
                        exchange.getAttributes())
                .orElse(null);
        if (observation == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing =
                observation.get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }
}

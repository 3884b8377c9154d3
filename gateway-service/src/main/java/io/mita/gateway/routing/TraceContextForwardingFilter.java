package io.mita.gateway.routing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.mita.common.correlation.CorrelationId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Continues the trace downstream: the proxied request carries the gateway's own server span as its
 * parent ({@code traceparent}, {@code tracestate}: whatever the configured propagator writes), replacing the
 * client's copies and dropping a client's {@code baggage} header (baggage propagation is off:
 * {@code management.tracing.baggage.enabled=false}; were it on, the propagator would write its own), so a service's span hangs under the gateway's and follows its
 * sampling decision. It stands in for Spring Cloud Gateway's client observation (off:
 * {@code spring.cloud.gateway.server.webflux.observability.enabled=false}), which opened a second
 * observation per request (a client span, a timer and their handlers) that no dashboard, alert or SLO
 * reads (issue 14, docs/decisions.md). Without a server span (tracing off) the trace headers pass unchanged.
 *
 * <p>In the same copy of the headers it writes the gateway's correlation id (the exchange's
 * {@link CorrelationId#CONTEXT_KEY} attribute) when the request did not come with exactly that id: the gateway's
 * {@code CorrelationIdWebFilter} leaves the request as received ({@code GatewayCorrelationIdConfiguration}), so a
 * request without a well-formed id is not copied and mutated once more before routing (issue 14, "sixth pass").
 */
@Component
class TraceContextForwardingFilter implements HttpHeadersFilter, Ordered {

    /** W3C's baggage header, dropped whether or not the propagator writes it (baggage is off in MITA). */
    static final String BAGGAGE = "baggage";

    private final Propagator propagator;

    /** The propagator's header names and the baggage header, computed once (the propagator builds a new list per call). */
    private final List<String> replaced;

    TraceContextForwardingFilter(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        Set<String> names = new LinkedHashSet<>(this.propagator.fields());
        names.add(BAGGAGE);
        this.replaced = List.copyOf(names);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String correlationId = exchange.getAttribute(CorrelationId.CONTEXT_KEY);
        boolean writesCorrelationId = correlationId != null && !carriesOnly(input, correlationId);
        Optional<Span> span = serverSpan(exchange);
        if (span.isEmpty() && !writesCorrelationId) {
            return input;
        }
        HttpHeaders forwarded = HttpHeaders.copyOf(input);
        if (writesCorrelationId) {
            forwarded.set(CorrelationId.HEADER, correlationId);
        }
        if (span.isPresent()) {
            for (String name : replaced) {
                forwarded.remove(name);
            }
            propagator.inject(span.get().context(), forwarded, HttpHeaders::set);
        }
        return forwarded;
    }

    /** The request came with exactly this id (a well-formed one of the client's: the gateway kept it). */
    private static boolean carriesOnly(HttpHeaders headers, String correlationId) {
        List<String> received = headers.get(CorrelationId.HEADER);
        return received != null && received.size() == 1 && received.get(0).equals(correlationId);
    }

    private static Optional<Span> serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan);
    }

    /** After the header filters that drop headers, so nothing removes what this one writes. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

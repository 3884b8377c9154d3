package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class TraceContextHeadersTest {

    private static final String GATEWAYS_TRACEPARENT = "00-11111111111111111111111111111111-2222222222222222-00";

    @Test
    void passesTheClientsHeadersUnchangedWhenTheRequestHasNoServerSpan() {
        var filter = ProxiedRequestHeaders.with(new TraceContextHeaders(Propagator.NOOP));
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/x"));
        HttpHeaders input = new HttpHeaders();
        input.set("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(filter.filter(input, exchange)).isSameAs(input);
    }

    @Test
    void replacesTheClientsTraceHeadersAndBaggageByTheServerSpansContextInACopy() {
        var filter = ProxiedRequestHeaders.with(new TraceContextHeaders(new FixedW3cPropagator()));
        var exchange = exchangeWithServerSpan();
        HttpHeaders input = new HttpHeaders();
        input.set("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        input.set("tracestate", "vendor=1");
        input.set(TraceContextHeaders.BAGGAGE, "userId=someone-else");
        input.set(HttpHeaders.ACCEPT, "*/*");

        HttpHeaders forwarded = filter.filter(HttpHeaders.readOnlyHttpHeaders(input), exchange);

        assertThat(forwarded.get("traceparent")).containsExactly(GATEWAYS_TRACEPARENT);
        assertThat(forwarded.headerNames()).containsExactlyInAnyOrder(HttpHeaders.ACCEPT, "traceparent");
        assertThat(input.getFirst("traceparent")).isNotEqualTo(GATEWAYS_TRACEPARENT);
    }

    @Test
    void looksTheServerSpanUpOncePerRequest() {
        AtomicInteger lookedUp = new AtomicInteger();
        var counting = new TracingObservationHandler.TracingContext() {
            @Override
            public Span getSpan() {
                lookedUp.incrementAndGet();
                return super.getSpan();
            }
        };
        var filter = ProxiedRequestHeaders.with(new TraceContextHeaders(new FixedW3cPropagator()));

        HttpHeaders forwarded =
                filter.filter(HttpHeaders.readOnlyHttpHeaders(new HttpHeaders()), exchangeWith(counting));

        assertThat(forwarded.get("traceparent")).containsExactly(GATEWAYS_TRACEPARENT);
        assertThat(lookedUp).hasValue(1);
    }

    private static MockServerWebExchange exchangeWithServerSpan() {
        return exchangeWith(new TracingObservationHandler.TracingContext());
    }

    private static MockServerWebExchange exchangeWith(TracingObservationHandler.TracingContext tracing) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/x"));
        var observation = new ServerRequestObservationContext(
                exchange.getRequest(), exchange.getResponse(), exchange.getAttributes());
        tracing.setSpan(Span.NOOP);
        observation.put(TracingObservationHandler.TracingContext.class, tracing);
        exchange.getAttributes()
                .put(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE, observation);
        return exchange;
    }

    /** Writes one fixed {@code traceparent}, whatever the span. */
    private static final class FixedW3cPropagator implements Propagator {

        @Override
        public List<String> fields() {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
            setter.set(carrier, "traceparent", GATEWAYS_TRACEPARENT);
        }

        @Override
        public <C> Span.Builder extract(C carrier, Getter<C> getter) {
            throw new UnsupportedOperationException("the gateway's forwarding only injects");
        }
    }
}

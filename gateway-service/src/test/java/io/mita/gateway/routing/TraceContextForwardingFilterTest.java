package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.propagation.Propagator;
import io.mita.common.correlation.CorrelationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class TraceContextForwardingFilterTest {

    private final TraceContextForwardingFilter withoutTracing =
            new TraceContextForwardingFilter(new StaticListableBeanFactory().getBeanProvider(Propagator.class));

    @Test
    void writesTheGatewaysCorrelationIdIntoACopyOfTheHeadersWhenTheRequestCameWithoutOne() {
        var exchange = exchangeWithCorrelationId("gw-1");
        HttpHeaders input = new HttpHeaders();
        input.set(HttpHeaders.AUTHORIZATION, "Bearer token");

        HttpHeaders forwarded = withoutTracing.filter(HttpHeaders.readOnlyHttpHeaders(input), exchange);

        assertThat(forwarded.get(CorrelationId.HEADER)).containsExactly("gw-1");
        assertThat(forwarded.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer token");
        assertThat(input.containsHeader(CorrelationId.HEADER)).isFalse();
    }

    @Test
    void replacesTheClientsIdsByTheGatewaysOneWhenTheyAreNotExactlyIt() {
        var exchange = exchangeWithCorrelationId("gw-2");
        HttpHeaders twoIds = new HttpHeaders();
        twoIds.add(CorrelationId.HEADER, "one");
        twoIds.add(CorrelationId.HEADER, "two");
        HttpHeaders malformed = new HttpHeaders();
        malformed.add(CorrelationId.HEADER, "not a valid id");

        assertThat(withoutTracing.filter(twoIds, exchange).get(CorrelationId.HEADER))
                .containsExactly("gw-2");
        assertThat(withoutTracing.filter(malformed, exchange).get(CorrelationId.HEADER))
                .containsExactly("gw-2");
    }

    @Test
    void passesTheHeadersUnchangedWhenTheRequestCameWithExactlyTheGatewaysId() {
        var exchange = exchangeWithCorrelationId("app-7f3a:42");
        HttpHeaders input = new HttpHeaders();
        input.set(CorrelationId.HEADER, "app-7f3a:42");

        assertThat(withoutTracing.filter(input, exchange)).isSameAs(input);
    }

    private static MockServerWebExchange exchangeWithCorrelationId(String id) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/x"));
        exchange.getAttributes().put(CorrelationId.CONTEXT_KEY, id);
        return exchange;
    }

    @Test
    void passesTheClientsHeadersUnchangedWhenTheRequestHasNoServerSpan() {
        var filter =
                new TraceContextForwardingFilter(new StaticListableBeanFactory().getBeanProvider(Propagator.class));
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/budget/x"));
        HttpHeaders input = new HttpHeaders();
        input.set("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(filter.filter(input, exchange)).isSameAs(input);
    }
}

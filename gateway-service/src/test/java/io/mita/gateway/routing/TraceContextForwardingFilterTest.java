package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class TraceContextForwardingFilterTest {

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

package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.common.correlation.CorrelationId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class GatewayCorrelationIdConfigurationTest {

    @Test
    void theGatewaysFilterLeavesTheRequestAsReceivedButPutsANewIdOnTheResponseTheAttributeAndTheContext() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x")
                .header(CorrelationId.HEADER, "one")
                .header(CorrelationId.HEADER, "two"));
        List<Object> seen = new ArrayList<>();
        Mono<Void> chain = new GatewayCorrelationIdConfiguration()
                .correlationIdWebFilter()
                .filter(exchange, forwarded -> {
                    seen.add(forwarded.getRequest());
                    seen.add(forwarded.getAttribute(CorrelationId.CONTEXT_KEY));
                    return CorrelationId.current().doOnNext(seen::add).then();
                });
        StepVerifier.create(chain).verifyComplete();

        String id = exchange.getResponse().getHeaders().getFirst(CorrelationId.HEADER);
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(seen).containsExactly(exchange.getRequest(), id, id);
        assertThat(exchange.getRequest().getHeaders().get(CorrelationId.HEADER)).containsExactly("one", "two");
    }
}

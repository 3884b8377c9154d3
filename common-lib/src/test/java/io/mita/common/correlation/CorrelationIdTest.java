package io.mita.common.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CorrelationIdTest {

    @Test
    void keepsAWellFormedIdAndReplacesAnythingElse() {
        assertThat(CorrelationId.acceptOrCreate("abc-123_X.y:z")).isEqualTo("abc-123_X.y:z");
        assertThat(CorrelationId.acceptOrCreate("has space")).matches("[0-9a-f-]{36}");
        assertThat(CorrelationId.acceptOrCreate("x".repeat(65))).matches("[0-9a-f-]{36}");
        assertThat(CorrelationId.acceptOrCreate(null)).matches("[0-9a-f-]{36}");
    }

    @Test
    void theFilterPutsTheIdOnTheForwardedRequestTheResponseAndTheReactorContext() {
        var exchange =
                MockServerWebExchange.from(MockServerHttpRequest.get("/x").header(CorrelationId.HEADER, "req-1"));
        String[] seen = new String[2];
        Mono<Void> chain = new CorrelationIdWebFilter().filter(exchange, forwarded -> {
            seen[0] = forwarded.getRequest().getHeaders().getFirst(CorrelationId.HEADER);
            return CorrelationId.current().doOnNext(id -> seen[1] = id).then();
        });
        StepVerifier.create(chain).verifyComplete();
        assertThat(seen).containsExactly("req-1", "req-1");
        assertThat(exchange.getResponse().getHeaders().getFirst(CorrelationId.HEADER))
                .isEqualTo("req-1");
    }
}

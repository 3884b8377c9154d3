package io.mita.common.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
    void newIdsAreVersionFourUuidsAndDiffer() {
        String first = CorrelationId.acceptOrCreate(null);
        String second = CorrelationId.acceptOrCreate(null);

        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(UUID.fromString(first).variant()).isEqualTo(2);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void refusesAnEmptyIdAndEveryCharacterOutsideTheAllowedSet() {
        assertThat(CorrelationId.acceptOrCreate("")).matches("[0-9a-f-]{36}");
        assertThat(CorrelationId.acceptOrCreate("x".repeat(64))).isEqualTo("x".repeat(64));
        for (String refused : new String[] {"a/b", "a\nb", "a;b", "ä", "a b", "a=b"}) {
            assertThat(CorrelationId.acceptOrCreate(refused)).as(refused).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void theFilterReplacesTwoReceivedIdsWithOneOnTheForwardedRequest() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x")
                .header(CorrelationId.HEADER, "one")
                .header(CorrelationId.HEADER, "two"));
        List<List<String>> forwardedIds = new ArrayList<>();
        Mono<Void> chain = new CorrelationIdWebFilter().filter(exchange, forwarded -> {
            forwardedIds.add(forwarded.getRequest().getHeaders().get(CorrelationId.HEADER));
            return Mono.empty();
        });
        StepVerifier.create(chain).verifyComplete();
        assertThat(forwardedIds.get(0)).singleElement().asString().matches("[0-9a-f-]{36}");
    }

    @Test
    void theFilterGivesARequestWithoutAnIdANewOneOnTheForwardedRequestAndTheResponse() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/x"));
        String[] seen = new String[1];
        Mono<Void> chain = new CorrelationIdWebFilter().filter(exchange, forwarded -> {
            seen[0] = forwarded.getRequest().getHeaders().getFirst(CorrelationId.HEADER);
            return Mono.empty();
        });
        StepVerifier.create(chain).verifyComplete();
        assertThat(seen[0]).matches("[0-9a-f-]{36}");
        assertThat(exchange.getResponse().getHeaders().getFirst(CorrelationId.HEADER))
                .isEqualTo(seen[0]);
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

package io.mita.gateway.bodylimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class BodyLimitWebFilterTest {

    private final BodyLimitWebFilter filter = new BodyLimitWebFilter(new BodyLimitProperties(
            DataSize.ofMegabytes(1),
            Map.of(
                    "receipts",
                    new BodyLimitProperties.Override(
                            List.of("/api/ocr/receipts"), List.of("POST"), DataSize.ofMegabytes(10)))));

    @Test
    void givesReceiptUploadsTenMegabytesAndEverythingElseOne() {
        assertThat(filter.maxBytes(
                        MockServerHttpRequest.post("/api/ocr/receipts").build()))
                .isEqualTo(10L * 1024 * 1024);
        assertThat(filter.maxBytes(MockServerHttpRequest.method(HttpMethod.PUT, "/api/ocr/receipts")
                        .build()))
                .isEqualTo(1024 * 1024);
        assertThat(filter.maxBytes(
                        MockServerHttpRequest.post("/api/budget/transactions").build()))
                .isEqualTo(1024 * 1024);
    }

    @Test
    void passesARequestWithoutLengthOrTransferCodingOnUndecorated() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/notifications/unread-count"));
        var passedOn = new AtomicReference<ServerWebExchange>();

        filter.filter(exchange, next -> {
                    passedOn.set(next);
                    return Mono.empty();
                })
                .block();

        assertThat(passedOn.get()).isSameAs(exchange);
    }

    @Test
    void countsTheBodyOfARequestWithATransferCodingAndNoLength() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/budget/transactions")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked"));
        var passedOn = new AtomicReference<ServerWebExchange>();

        filter.filter(exchange, next -> {
                    passedOn.set(next);
                    return Mono.empty();
                })
                .block();

        assertThat(passedOn.get().getRequest()).isInstanceOf(BodyLimitWebFilter.CountingRequest.class);
    }

    @Test
    void passesAChunkedBodyUpToTheLimitAndFailsWithTheFirstChunkBeyondIt() {
        Flux<DataBuffer> chunks =
                Flux.range(0, 5).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[100]));
        var request = new BodyLimitWebFilter.CountingRequest(
                MockServerHttpRequest.post("/x").body(chunks), 300);

        StepVerifier.create(request.getBody().map(DataBuffer::readableByteCount))
                .expectNext(100, 100, 100)
                .expectError(BodyTooLargeException.class)
                .verify();
    }
}

package io.mita.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.event.EnableBodyCachingEvent;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class BodyCacheForRequestsWithBodyTest {

    private static final String CACHED_ROUTE = "budget";

    private final BodyCacheForRequestsWithBody cache = new BodyCacheForRequestsWithBody();
    private final AtomicInteger bodySubscriptions = new AtomicInteger();
    private final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();
    private final GatewayFilterChain chain = exchange -> {
        forwarded.set(exchange);
        return Mono.empty();
    };

    BodyCacheForRequestsWithBodyTest() {
        cache.onApplicationEvent(new EnableBodyCachingEvent(this, CACHED_ROUTE));
    }

    @Test
    void passesARequestWithoutLengthOrTransferCodingOnWithoutReadingItsBody() {
        MockServerWebExchange exchange = exchange(HttpMethod.GET, CACHED_ROUTE, null);

        StepVerifier.create(cache.filter(exchange, chain)).verifyComplete();

        assertThat(forwarded.get()).isSameAs(exchange);
        assertThat(bodySubscriptions).hasValue(0);
    }

    @Test
    void cachesTheBodyOfARequestWithAContentLengthOnARouteThatCaches() {
        MockServerWebExchange exchange = exchange(HttpMethod.POST, CACHED_ROUTE, HttpHeaders.CONTENT_LENGTH);

        StepVerifier.create(cache.filter(exchange, chain)).verifyComplete();

        assertThat(bodySubscriptions).hasValue(1);
        assertThat(cachedBody()).isEqualTo("{\"amount\":\"12.50\"}");
    }

    @Test
    void cachesTheBodyOfAChunkedRequestOnARouteThatCaches() {
        MockServerWebExchange exchange = exchange(HttpMethod.POST, CACHED_ROUTE, HttpHeaders.TRANSFER_ENCODING);

        StepVerifier.create(cache.filter(exchange, chain)).verifyComplete();

        assertThat(bodySubscriptions).hasValue(1);
        assertThat(cachedBody()).isEqualTo("{\"amount\":\"12.50\"}");
    }

    @Test
    void neverCachesABodyOnARouteThatDoesNotCache() {
        MockServerWebExchange exchange = exchange(HttpMethod.POST, "budget-streaming", HttpHeaders.CONTENT_LENGTH);

        StepVerifier.create(cache.filter(exchange, chain)).verifyComplete();

        assertThat(forwarded.get()).isSameAs(exchange);
        assertThat(bodySubscriptions).hasValue(0);
    }

    private String cachedBody() {
        DataBuffer body = forwarded.get().getAttribute(CACHED_REQUEST_BODY_ATTR);
        assertThat(body).as("cached body").isNotNull();
        return body.toString(StandardCharsets.UTF_8);
    }

    /** {@code bodyHeader}: the header that announces the body, or null for none. */
    private MockServerWebExchange exchange(HttpMethod method, String routeId, String bodyHeader) {
        byte[] json = "{\"amount\":\"12.50\"}".getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> body = Flux.defer(() -> {
            bodySubscriptions.incrementAndGet();
            return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(json));
        });
        MockServerHttpRequest.BodyBuilder request = MockServerHttpRequest.method(method, "/api/budget/envelopes");
        if (HttpHeaders.CONTENT_LENGTH.equals(bodyHeader)) {
            request.contentLength(json.length);
        } else if (HttpHeaders.TRANSFER_ENCODING.equals(bodyHeader)) {
            request.header(HttpHeaders.TRANSFER_ENCODING, "chunked");
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request.body(body));
        exchange.getAttributes()
                .put(
                        GATEWAY_ROUTE_ATTR,
                        Route.async()
                                .id(routeId)
                                .uri("http://127.0.0.1:8082")
                                .predicate(any -> true)
                                .build());
        return exchange;
    }
}

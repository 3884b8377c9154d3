package io.mita.gateway.bodylimit;

import io.mita.gateway.WebFilterOrder;
import io.mita.gateway.routing.RequestPatterns;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps request bodies within their path's limit (1 MB of JSON; 10 MB for a receipt upload), before
 * the token check so an oversize body costs nothing: a {@code Content-Length} above the limit is
 * refused at once with 413 {@code PAYLOAD_TOO_LARGE}, without reading the body; a body without a
 * length (chunked) is counted while it streams and fails as soon as it passes the limit, so the
 * downstream service never receives more than the limit (it sees an aborted request). A request with
 * neither {@code Content-Length} nor {@code Transfer-Encoding} has no body (HTTP/1.1, RFC 9112 §6.3; the
 * gateway serves HTTP/1.1 only) and passes as it is: every GET, without a mutated exchange and a
 * counting decorator per request (issue 14).
 */
@Component
class BodyLimitWebFilter implements WebFilter, Ordered {

    private record Limit(RequestPatterns patterns, long maxBytes) {}

    private final List<Limit> overrides;
    private final long defaultMaxBytes;

    BodyLimitWebFilter(BodyLimitProperties properties) {
        this.defaultMaxBytes = properties.defaultMaxSize().toBytes();
        this.overrides = properties.overrides().values().stream()
                .map(override -> new Limit(
                        RequestPatterns.of(override.paths(), override.methods()),
                        override.maxSize().toBytes()))
                .toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long maxBytes = maxBytes(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(new BodyTooLargeException());
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            // the HTTP codec never hands on more than Content-Length bytes as this request's body, and
            // none at all without a length or a transfer coding
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(new CountingRequest(request, maxBytes))
                .build());
    }

    long maxBytes(ServerHttpRequest request) {
        for (Limit limit : overrides) {
            if (limit.patterns().matches(request)) {
                return limit.maxBytes();
            }
        }
        return defaultMaxBytes;
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.BODY_LIMIT;
    }

    /** A body of unknown length that fails with 413 once it has delivered more than {@code maxBytes}. */
    static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long maxBytes;

        CountingRequest(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                long[] total = {0};
                return super.getBody().handle((buffer, sink) -> {
                    total[0] += buffer.readableByteCount();
                    if (total[0] > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLargeException());
                    } else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }
}

package io.mita.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CACHED_SERVER_HTTP_REQUEST_DECORATOR_ATTR;

import org.springframework.cloud.gateway.filter.AdaptCachedBodyGlobalFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's body cache (registered instead of Spring's, which is off:
 * {@code spring.cloud.gateway.server.webflux.global-filter.adapt-cached-body.enabled=false}) for the requests that
 * have a body. A request with neither {@code Content-Length} nor {@code Transfer-Encoding} has none (HTTP/1.1,
 * RFC 9112 §6.3, as {@code BodyLimitWebFilter} decides), so every GET passes on as it is instead of subscribing to
 * its empty body, joining it and wrapping the request (issue 14, "sixth pass"). A request with a body, on a route
 * that caches (the retried routes: {@link RoutesConfiguration}), is still read whole before it is forwarded.
 */
@Component
class BodyCacheForRequestsWithBody extends AdaptCachedBodyGlobalFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!hasBody(exchange.getRequest().getHeaders())
                && exchange.getAttribute(CACHED_SERVER_HTTP_REQUEST_DECORATOR_ATTR) == null) {
            return chain.filter(exchange);
        }
        return super.filter(exchange, chain);
    }

    static boolean hasBody(HttpHeaders headers) {
        return headers.containsHeader(HttpHeaders.CONTENT_LENGTH)
                || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}

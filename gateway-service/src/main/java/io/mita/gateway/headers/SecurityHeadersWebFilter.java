package io.mita.gateway.headers;

import io.mita.gateway.WebFilterOrder;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the security headers on every answer the gateway gives — its own (401, 404, 413, 429, 503...)
 * and the ones it proxies — exactly once each: they are set just before the response is committed,
 * replacing whatever a downstream service sent under the same name. HSTS is sent over plain HTTP too:
 * TLS ends at the load balancer in front of the gateway, and browsers ignore HSTS on plain HTTP.
 */
@Component
class SecurityHeadersWebFilter implements WebFilter, Ordered {

    static final Map<String, String> HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            HEADERS.forEach(headers::set);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.SECURITY_HEADERS;
    }
}

package io.mita.gateway.headers;

import io.mita.gateway.WebFilterOrder;
import io.mita.gateway.routing.RequestPatterns;
import java.util.List;
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
 *
 * <p>The Content-Security-Policy is {@link #API_POLICY} ({@code default-src 'none'}: an API answer is never a
 * document that runs anything), except under the configured page paths (the compliance console), which get {@link
 * #PAGE_POLICY}: scripts, styles, images and API calls from this origin only; no inline script or style, no
 * {@code eval}, no HTML built from strings (Trusted Types), no form posted anywhere, never framed.
 */
@Component
class SecurityHeadersWebFilter implements WebFilter, Ordered {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "require-trusted-types-for 'script'; trusted-types 'none'";

    static final Map<String, String> HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");

    private final RequestPatterns pages;

    SecurityHeadersWebFilter(SecurityHeadersProperties properties) {
        this.pages = RequestPatterns.of(properties.pagePaths(), List.of());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        String policy =
                pages.matchesPath(exchange.getRequest().getPath().pathWithinApplication()) ? PAGE_POLICY : API_POLICY;
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            HEADERS.forEach(headers::set);
            headers.set(CONTENT_SECURITY_POLICY, policy);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.SECURITY_HEADERS;
    }
}

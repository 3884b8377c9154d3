package io.mita.gateway.cors;

import io.mita.gateway.WebFilterOrder;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the whole gateway, before the token check and the rate limits: a preflight from an allowed
 * origin is answered at once; an allowed origin's requests get {@code Access-Control-Allow-Origin} on
 * every answer (including 401, 429 and 503, so the web app can read them); a foreign origin's
 * preflight or request is refused with a 403 problem and no {@code Access-Control-Allow-Origin}.
 * Credentials (cookies) are not allowed: the API authenticates with bearer tokens.
 */
@Component
class AllowlistCorsWebFilter implements WebFilter, Ordered {

    static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final List<String> ALLOWED_HEADERS = List.of(
            HttpHeaders.AUTHORIZATION,
            HttpHeaders.CONTENT_TYPE,
            "Idempotency-Key",
            HttpHeaders.IF_MATCH,
            "X-Correlation-Id");
    static final List<String> EXPOSED_HEADERS = List.of(
            "X-Correlation-Id",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            HttpHeaders.RETRY_AFTER,
            HttpHeaders.LOCATION,
            HttpHeaders.ETAG);

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    AllowlistCorsWebFilter(CorsProperties properties) {
        this.configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(properties.allowedOrigins());
        configuration.setAllowedMethods(ALLOWED_METHODS);
        configuration.setAllowedHeaders(ALLOWED_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(properties.maxAge());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean allowed = processor.process(configuration, exchange);
        if (!allowed) {
            return Mono.error(new CorsRequestRejectedException());
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return WebFilterOrder.CORS;
    }
}

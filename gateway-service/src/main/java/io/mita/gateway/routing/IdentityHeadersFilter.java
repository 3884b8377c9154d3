package io.mita.gateway.routing;

import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops identity headers a client may send to impersonate someone: downstream services learn who the
 * caller is from the token only. Applied to the proxied request's headers (the gateway's own header
 * filter chain), so it costs nothing when none of them is present.
 */
@Component
class IdentityHeadersFilter implements HttpHeadersFilter, Ordered {

    static final List<String> SPOOFABLE =
            List.of("X-User-Id", "X-User-Roles", "X-Authenticated-User", "X-Forwarded-User");

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (SPOOFABLE.stream().noneMatch(input::containsHeader)) {
            return input;
        }
        HttpHeaders filtered = HttpHeaders.copyOf(input);
        SPOOFABLE.forEach(filtered::remove);
        return filtered;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package io.mita.gateway.routing;

import java.util.List;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops identity headers a client may send to impersonate someone: downstream services learn who the caller is from
 * the token only. Costs nothing when none of them is present.
 */
final class IdentityHeaders implements ProxiedRequestHeaderEdit {

    static final List<String> SPOOFABLE =
            List.of("X-User-Id", "X-User-Roles", "X-Authenticated-User", "X-Forwarded-User");

    /** A plain loop: a {@code Stream.noneMatch} per proxied request was 0.4 % of the gateway's CPU samples. */
    @Override
    public void edit(EditedHeaders headers, ServerWebExchange exchange) {
        for (String name : SPOOFABLE) {
            if (headers.current().containsHeader(name)) {
                headers.writable().remove(name);
            }
        }
    }
}

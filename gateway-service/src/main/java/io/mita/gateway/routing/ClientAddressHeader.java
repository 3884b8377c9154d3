package io.mita.gateway.routing;

import io.mita.gateway.caller.ClientAddressResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the client's address as the gateway resolved it ({@link ClientAddressResolver}: the TCP peer, or behind
 * {@code mita.gateway.trusted-proxies} the right-most untrusted {@code X-Forwarded-For} entry) as the proxied request's
 * only {@code X-Forwarded-For} value, replacing whatever the client sent. A service that trusts the gateway as its
 * proxy (auth-service's {@code MITA_AUTH_TRUSTED_PROXIES}) takes it as the client. On every proxied request: an
 * address the gateway cannot tell ({@code unknown}: no peer address) is not written, and the client's header is still
 * dropped.
 */
final class ClientAddressHeader implements ProxiedRequestHeaderEdit {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final ClientAddressResolver addresses;

    ClientAddressHeader(ClientAddressResolver addresses) {
        this.addresses = addresses;
    }

    @Override
    public void edit(EditedHeaders headers, ServerWebExchange exchange) {
        String client = addresses.clientIp(exchange);
        if (!ClientAddressResolver.UNKNOWN.equals(client)) {
            headers.writable().set(X_FORWARDED_FOR, client);
        } else if (headers.current().containsHeader(X_FORWARDED_FOR)) {
            headers.writable().remove(X_FORWARDED_FOR);
        }
    }
}

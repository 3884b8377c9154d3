package io.mita.gateway.caller;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's IP address, as rate limits and security events key it. The TCP peer is the client,
 * unless the peer is one of the configured trusted proxies: then {@code X-Forwarded-For} is read from
 * the right (the entry the trusted proxy appended) to the left, skipping further trusted proxies, and
 * the first address that is not a trusted proxy is the client. The left-most entry is whatever the
 * client chose to send and is never trusted by itself (CVE-2025-41235). A malformed entry stops the
 * walk at the last trusted hop.
 */
@Component
public class ClientAddressResolver {

    static final String ATTRIBUTE = ClientAddressResolver.class.getName() + ".clientIp";
    /** What {@link #clientIp} answers for a request without a peer address. */
    public static final String UNKNOWN = "unknown";

    private final List<IpRange> trustedProxies;

    public ClientAddressResolver(ClientAddressProperties properties) {
        this.trustedProxies =
                properties.trustedProxies().stream().map(IpRange::parse).toList();
    }

    /** The client's address as text (computed once per exchange). */
    public String clientIp(ServerWebExchange exchange) {
        String known = exchange.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String resolved = resolve(exchange.getRequest());
        exchange.getAttributes().put(ATTRIBUTE, resolved);
        return resolved;
    }

    String resolve(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return UNKNOWN;
        }
        if (trustedProxies.isEmpty() || !trusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        InetAddress client = peer;
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parse(forwarded.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!trusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        for (IpRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}

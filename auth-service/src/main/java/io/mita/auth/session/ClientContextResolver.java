package io.mita.auth.session;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The {@link ClientContext} of a request. The client's address is the TCP peer unless the peer is a trusted
 * proxy ({@code mita.auth.trusted-proxies}, by default loopback, where the gateway runs beside the service):
 * then {@code X-Forwarded-For} is read from the right (the entry the trusted proxy appended) to the left,
 * skipping further trusted proxies, and the first other address is the client's. Entries left of it are
 * whatever the client wrote and are never believed.
 */
@Component
class ClientContextResolver {

    static final String DEVICE_HEADER = "X-Device-Name";

    private final List<Cidr> trustedProxies;

    ClientContextResolver(SessionProperties properties) {
        this.trustedProxies =
                properties.trustedProxies().stream().map(Cidr::parse).toList();
    }

    ClientContext resolve(ServerHttpRequest request) {
        String device = DeviceNames.of(
                request.getHeaders().getFirst(DEVICE_HEADER),
                request.getHeaders().getFirst("User-Agent"));
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        List<String> forwarded = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    forwarded.add(entry.strip());
                }
            }
        }
        InetAddress client = clientAddress(peer, forwarded);
        return new ClientContext(device, client == null ? null : ClientNetworks.mask(client.getHostAddress()));
    }

    InetAddress clientAddress(InetAddress peer, List<String> forwardedFor) {
        InetAddress candidate = peer;
        for (int i = forwardedFor.size() - 1; i >= 0 && candidate != null && isTrusted(candidate); i--) {
            candidate = ClientNetworks.parse(forwardedFor.get(i));
        }
        return candidate;
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(cidr -> cidr.contains(address));
    }

    /** A CIDR block such as {@code 10.0.0.0/8} or {@code ::1/128}; a bare address is its own /32 or /128. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String value) {
            String[] parts = value.strip().split("/", 2);
            InetAddress address = ClientNetworks.parse(parts[0]);
            if (address == null) {
                throw new IllegalStateException("mita.auth.sessions.trusted-proxies: not a CIDR block: " + value);
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalStateException("mita.auth.sessions.trusted-proxies: bad prefix in " + value);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

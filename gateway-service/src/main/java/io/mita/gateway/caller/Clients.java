package io.mita.gateway.caller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is calling, as the gateway's rate limits and security events name a client: the verified user
 * id (remembered on the exchange by {@link AuthenticatedClientWebFilter}) or, for anonymous callers,
 * a hash of the client's IP address. Client addresses and e-mail addresses never leave the gateway
 * in clear text (not in Redis keys, not in events).
 */
public final class Clients {

    static final String USER_ID_ATTRIBUTE = Clients.class.getName() + ".userId";
    private static final HexFormat HEX = HexFormat.of();

    private Clients() {}

    /** The verified user id of this request, if it carried a valid token. */
    public static Optional<String> userId(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(USER_ID_ATTRIBUTE));
    }

    static void rememberUserId(ServerWebExchange exchange, String userId) {
        exchange.getAttributes().put(USER_ID_ATTRIBUTE, userId);
    }

    /** {@code anonymous:} and the first 16 hex digits of the SHA-256 of the address. */
    public static String anonymousKey(String clientIp) {
        return "anonymous:" + sha256Hex(clientIp).substring(0, 16);
    }

    /** Lower-case hex SHA-256 of the UTF-8 text. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

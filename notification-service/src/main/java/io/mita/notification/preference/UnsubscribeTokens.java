package io.mita.notification.preference;

import io.mita.notification.feed.NotificationKind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed unsubscribe tokens: {@code base64url("u1:<userId>:<KIND>") + "." + base64url(HMAC-SHA256)} under the
 * service's unsubscribe key. The link in an e-mail works without signing in and only switches off e-mail of
 * that one kind for that one user; it does not expire (an old e-mail's link still works, as RFC 8058 expects).
 */
public final class UnsubscribeTokens {

    private static final String PREFIX = "u1:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public UnsubscribeTokens(String base64Key) {
        byte[] bytes = Base64.getDecoder().decode(base64Key.strip());
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the unsubscribe key must be base64 of at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public String issue(UUID userId, NotificationKind kind) {
        byte[] claim = (PREFIX + userId + ":" + kind.name()).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(claim) + "." + ENCODER.encodeToString(mac(claim));
    }

    /** What the token unsubscribes from; {@link InvalidUnsubscribeTokenException} for anything not signed here. */
    public Unsubscription open(String token) {
        if (token == null) {
            throw new InvalidUnsubscribeTokenException();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            throw new InvalidUnsubscribeTokenException();
        }
        try {
            byte[] claim = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(claim), signature)) {
                throw new InvalidUnsubscribeTokenException();
            }
            String text = new String(claim, StandardCharsets.UTF_8);
            String[] parts = text.split(":");
            if (parts.length != 3 || !text.startsWith(PREFIX)) {
                throw new InvalidUnsubscribeTokenException();
            }
            return new Unsubscription(UUID.fromString(parts[1]), NotificationKind.valueOf(parts[2]));
        } catch (IllegalArgumentException malformed) {
            throw new InvalidUnsubscribeTokenException();
        }
    }

    private byte[] mac(byte[] claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(claim);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public record Unsubscription(UUID userId, NotificationKind kind) {}
}

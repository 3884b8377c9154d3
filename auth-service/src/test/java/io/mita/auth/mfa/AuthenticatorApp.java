package io.mita.auth.mfa;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app does with an {@code otpauth://totp/} URI, written independently of the service's
 * own TOTP code so that the test checks it: base32-decode the secret, HMAC-SHA1 the 30-second counter, truncate
 * to six digits (RFC 6238 / RFC 4226).
 */
final class AuthenticatorApp {

    private final byte[] secret;

    AuthenticatorApp(String otpauthUri) {
        URI uri = URI.create(otpauthUri);
        String query = uri.getRawQuery();
        String secretParameter = null;
        for (String pair : query.split("&")) {
            if (pair.startsWith("secret=")) {
                secretParameter = pair.substring("secret=".length());
            }
        }
        this.secret = base32(secretParameter);
    }

    /** The code for the 30-second step {@code offset} steps after the one of {@code at}. */
    String code(Instant at, int offset) {
        long counter = at.getEpochSecond() / 30 + offset;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int o = h[19] & 0xf;
            int binary =
                    ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        long buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}

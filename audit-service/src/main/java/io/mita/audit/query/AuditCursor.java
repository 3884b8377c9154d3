package io.mita.audit.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque keyset cursor of the audit log: the position ({@code seq}) of the last event a page returned.
 * Clients pass it back unchanged; its encoding is not part of the API.
 */
final class AuditCursor {

    private static final String PREFIX = "audit:";

    private AuditCursor() {}

    static String encode(long seq) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the seq the next page starts below */
    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw new InvalidCursorException();
            }
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            if (seq <= 0) {
                throw new InvalidCursorException();
            }
            return seq;
        } catch (IllegalArgumentException e) { // Base64 and number format errors
            throw new InvalidCursorException();
        }
    }
}

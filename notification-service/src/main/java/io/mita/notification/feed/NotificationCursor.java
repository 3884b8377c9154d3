package io.mita.notification.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of the feed: base64url of {@code n1:<seq>}, the seq of the last notification of a page. */
final class NotificationCursor {

    private static final String PREFIX = "n1:";

    private NotificationCursor() {}

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The seq, or an {@link InvalidCursorException} for anything this class did not write. */
    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) {
                throw new InvalidCursorException();
            }
            long seq = Long.parseLong(text.substring(PREFIX.length()));
            if (seq <= 0) {
                throw new InvalidCursorException();
            }
            return seq;
        } catch (IllegalArgumentException notOurs) {
            throw new InvalidCursorException();
        }
    }
}

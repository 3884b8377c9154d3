package io.mita.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NotificationCursorTest {

    @Test
    void aCursorReadsBackTheSeqItWasMadeOf() {
        assertThat(NotificationCursor.decode(NotificationCursor.encode(42))).isEqualTo(42);
        assertThat(NotificationCursor.decode(NotificationCursor.encode(Long.MAX_VALUE)))
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anythingThisServiceDidNotWriteIsRefused() {
        for (String bad : new String[] {
            "not base64!", "42", encode("x1:42"), encode("n1:abc"), encode("n1:-3"), encode("n1:0"), encode("n1:")
        }) {
            assertThatThrownBy(() -> NotificationCursor.decode(bad)).as(bad).isInstanceOf(InvalidCursorException.class);
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

package io.mita.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCursorTest {

    @Test
    void aCursorDecodesToThePositionItWasMadeFrom() {
        assertThat(AuditCursor.decode(AuditCursor.encode(1L))).isEqualTo(1L);
        assertThat(AuditCursor.decode(AuditCursor.encode(9_876_543_210L))).isEqualTo(9_876_543_210L);
    }

    @Test
    void aCursorDoesNotShowTheRawPosition() {
        assertThat(AuditCursor.encode(42L)).doesNotContain("42").matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "not base64!", "%%%", "YWJj", "YXVkaXQ6", "YXVkaXQ6LTE", "YXVkaXQ6MA", "YXVkaXQ6eA"})
    void aCursorThisApiDidNotMakeIsRejectedWithItsOwnCode(String cursor) {
        assertThatThrownBy(() -> AuditCursor.decode(cursor))
                .isInstanceOf(InvalidCursorException.class)
                .hasFieldOrPropertyWithValue("code", "AUDIT_INVALID_CURSOR");
    }

    @Test
    void aPositionBeyondTheLongRangeIsRejected() {
        String tooBig = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("audit:99999999999999999999".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> AuditCursor.decode(tooBig)).isInstanceOf(InvalidCursorException.class);
    }
}

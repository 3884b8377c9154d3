package io.mita.budget.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TransactionCursorTest {

    @Test
    void decodesWhatItEncoded() {
        TransactionCursor cursor = new TransactionCursor(
                LocalDate.of(2026, 2, 28), UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479"));

        assertThat(TransactionCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void isAnUrlSafeTokenWithoutPadding() {
        for (int i = 0; i < 200; i++) {
            String token = new TransactionCursor(LocalDate.of(2000, 1, 1).plusDays(i), UUID.randomUUID()).encode();
            assertThat(token).matches("[A-Za-z0-9_-]+");
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"!!!", "not a cursor", "dDF8MjAyNi0wMi0yOA", "%3D%3D"})
    void refusesTokensItDidNotMake(String token) {
        assertInvalid(token);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "t2|2026-02-28|f47ac10b-58cc-4372-a567-0e02b2c3d479",
                "t1|2026-02-30|f47ac10b-58cc-4372-a567-0e02b2c3d479",
                "t1|2026-02-28|not-a-uuid",
                "t1|2026-02-28|1-2-3-4-5",
                "t1|2026-02-28",
                "t1|2026-02-28|f47ac10b-58cc-4372-a567-0e02b2c3d479|extra",
                "t1||f47ac10b-58cc-4372-a567-0e02b2c3d479"
            })
    void refusesWellEncodedTokensWithTheWrongContent(String plain) {
        assertInvalid(
                Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void refusesOverlongTokens() {
        assertInvalid("A".repeat(101));
    }

    private static void assertInvalid(String token) {
        assertThatThrownBy(() -> TransactionCursor.decode(token)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("BUDGET_INVALID_CURSOR");
        });
    }
}

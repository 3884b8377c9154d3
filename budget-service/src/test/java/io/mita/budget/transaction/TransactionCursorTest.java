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
import org.junit.jupiter.params.provider.ValueSource;

/** The listing's use of common-lib's KeysetCursor (whose own test covers every refusal): version t1, its code. */
class TransactionCursorTest {

    @Test
    void decodesWhatItEncoded() {
        TransactionCursor cursor = new TransactionCursor(
                LocalDate.of(2026, 2, 28), UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479"));

        assertThat(TransactionCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void readsTokensTheListingHandedOutBeforeTheSharedCodec() {
        String earlier = encoded("t1|2026-02-28|f47ac10b-58cc-4372-a567-0e02b2c3d479");

        assertThat(TransactionCursor.decode(earlier))
                .isEqualTo(new TransactionCursor(
                        LocalDate.of(2026, 2, 28), UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not a cursor",
                "dDF8MjAyNi0wMi0yOA",
                "cjF8MjAyNi0wMi0yOFQxMDowMDowMFp8ZjQ3YWMxMGItNThjYy00MzcyLWE1NjctMGUwMmIyYzNkNDc5"
            })
    void refusesTokensItDidNotMakeWithItsOwnCode(String token) {
        assertThatThrownBy(() -> TransactionCursor.decode(token)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("BUDGET_INVALID_CURSOR");
        });
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}

package io.mita.common.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.common.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeysetCursorTest {

    private static final UUID ID = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
    private static final KeysetCursor.Codec<LocalDate> DAYS = KeysetCursor.daysCodec("t1", "TEST_INVALID_CURSOR");
    private static final KeysetCursor.Codec<Instant> INSTANTS =
            KeysetCursor.instantsCodec("r1", "OTHER_INVALID_CURSOR");

    @Test
    void aDayCursorDecodesToWhatWasEncoded() {
        KeysetCursor<LocalDate> cursor = new KeysetCursor<>(LocalDate.of(2026, 2, 28), ID);

        assertThat(DAYS.decode(DAYS.encode(cursor))).isEqualTo(cursor);
    }

    @Test
    void anInstantCursorKeepsItsNanoseconds() {
        KeysetCursor<Instant> cursor = new KeysetCursor<>(Instant.parse("2026-11-30T18:40:12.123456789Z"), ID);

        assertThat(INSTANTS.decode(INSTANTS.encode(cursor))).isEqualTo(cursor);
    }

    @Test
    void theTokenIsUrlSafeBase64WithoutPaddingOfTheVersionThePositionAndTheId() {
        String token = DAYS.encode(new KeysetCursor<>(LocalDate.of(2026, 2, 28), ID));

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII))
                .isEqualTo("t1|2026-02-28|" + ID);
        for (int i = 0; i < 200; i++) {
            assertThat(DAYS.encode(new KeysetCursor<>(LocalDate.of(2000, 1, 1).plusDays(i), UUID.randomUUID())))
                    .matches("[A-Za-z0-9_-]+");
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"!!!", "not a cursor", "%3D%3D", "dDF8MjAy+i0wMi0yOA", "dDF8MjAy/i0wMi0yOA"})
    void aTokenThatIsNotBase64urlIsRefused(String token) {
        assertRefused(DAYS, token, "TEST_INVALID_CURSOR");
    }

    @Test
    void anOverlongTokenIsRefusedBeforeItIsDecoded() {
        assertRefused(DAYS, "A".repeat(161), "TEST_INVALID_CURSOR");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"t2|2026-02-28|" + "f47ac10b-58cc-4372-a567-0e02b2c3d479", "|2026-02-28|x", "T1|2026-02-28|x"})
    void aTokenOfAnotherVersionIsRefused(String plain) {
        assertRefused(DAYS, encoded(plain), "TEST_INVALID_CURSOR");
    }

    @Test
    void anotherListingsTokenIsRefusedWithThisListingsCode() {
        String receipts = INSTANTS.encode(new KeysetCursor<>(Instant.parse("2026-02-28T10:00:00Z"), ID));

        assertRefused(DAYS, receipts, "TEST_INVALID_CURSOR");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "t1",
                "t1|2026-02-28",
                "t1|2026-02-28|f47ac10b-58cc-4372-a567-0e02b2c3d479|extra",
                "t1|2026-02-28|f47ac10b-58cc-4372-a567-0e02b2c3d479|"
            })
    void aTokenWithTheWrongNumberOfFieldsIsRefused(String plain) {
        assertRefused(DAYS, encoded(plain), "TEST_INVALID_CURSOR");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "t1|2026-02-28|not-a-uuid",
                "t1|2026-02-28|1-2-3-4-5",
                "t1|2026-02-28|",
                "t1|2026-02-28|F47AC10B-58CC-4372-A567-0E02B2C3D479"
            })
    void aTokenWithABadUuidIsRefused(String plain) {
        assertRefused(DAYS, encoded(plain), "TEST_INVALID_CURSOR");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "t1|2026-02-30|f47ac10b-58cc-4372-a567-0e02b2c3d479",
                "t1||f47ac10b-58cc-4372-a567-0e02b2c3d479",
                "t1|yesterday|f47ac10b-58cc-4372-a567-0e02b2c3d479"
            })
    void aTokenWithAPositionThatDoesNotParseIsRefused(String plain) {
        assertRefused(DAYS, encoded(plain), "TEST_INVALID_CURSOR");
    }

    @Test
    void anInstantCursorWithADayAsPositionIsRefused() {
        assertRefused(INSTANTS, encoded("r1|2026-02-28|" + ID), "OTHER_INVALID_CURSOR");
    }

    @Test
    void aVersionMustBeAShortLowerCaseWord() {
        assertThatThrownBy(() -> KeysetCursor.daysCodec("T 1", "X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeysetCursor.daysCodec("t|1", "X")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    private static void assertRefused(KeysetCursor.Codec<?> codec, String token, String code) {
        assertThatThrownBy(() -> codec.decode(token))
                .isInstanceOf(InvalidCursorException.class)
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(code);
                });
    }
}

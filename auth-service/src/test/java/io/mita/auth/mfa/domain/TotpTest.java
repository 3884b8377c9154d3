package io.mita.auth.mfa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} s → {1}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void computesRfc6238sSha1TestVectors(long epochSecond, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(epochSecond));

        assertThat(Totp.code(RFC_SEED, step, 8)).isEqualTo(expected);
        assertThat(Totp.code(RFC_SEED, step))
                .as("six digits are the last six of the eight")
                .isEqualTo(expected.substring(2));
    }

    @Test
    void acceptsTheCodeOfTheCurrentStepAndOfItsNeighboursOnly() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step), now, -1))
                .hasValue(step);
        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 1), now, -1))
                .hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 1), now, -1))
                .hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 2), now, -1))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 2), now, -1))
                .isEmpty();
    }

    @Test
    void refusesACodeOfAStepAlreadyUsedSoACodeWorksOnce() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);
        String code = Totp.code(RFC_SEED, step);

        assertThat(Totp.matchingStep(RFC_SEED, code, now, step)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 1), now, step))
                .isEmpty();
    }

    @Test
    void refusesWhatIsNotSixDigits() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.matchingStep(RFC_SEED, "94287082", now, -1)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, "28708", now, -1)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, "abcdef", now, -1)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, null, now, -1)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Base32.decode("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base32.decode(Base32.encode(RFC_SEED))).isEqualTo(RFC_SEED);
    }

    @Test
    void recoveryCodesAreTenDistinctFiftyBitCodesReadBackWhateverTheTyping() {
        var codes = RecoveryCodes.generate();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-z2-7]{5}-[a-z2-7]{5}"));
        String code = codes.get(0);
        assertThat(RecoveryCodes.normalise(" " + code.toUpperCase() + " ")).isEqualTo(code.replace("-", ""));
        assertThat(RecoveryCodes.normalise("123456")).isNull();
        assertThat(RecoveryCodes.normalise(null)).isNull();
    }
}

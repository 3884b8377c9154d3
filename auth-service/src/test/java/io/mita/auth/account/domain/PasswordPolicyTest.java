package io.mita.auth.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void refusesElevenCharactersAndAcceptsTwelve() {
        assertThat(PasswordPolicy.isAcceptable("a".repeat(11))).isFalse();
        assertThat(PasswordPolicy.isAcceptable("a".repeat(12))).isTrue();
    }

    @Test
    void acceptsOneHundredTwentyEightCharactersAndRefusesOneMore() {
        assertThat(PasswordPolicy.isAcceptable("b".repeat(128))).isTrue();
        assertThat(PasswordPolicy.isAcceptable("b".repeat(129))).isFalse();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDD11"; // one character, two UTF-16 units
        assertThat(PasswordPolicy.isAcceptable(emoji.repeat(11)))
                .as("11 characters, 22 units")
                .isFalse();
        assertThat(PasswordPolicy.isAcceptable(emoji.repeat(128)))
                .as("128 characters, 256 units")
                .isTrue();
        assertThat(PasswordPolicy.isAcceptable(emoji.repeat(129))).isFalse();
    }

    @Test
    void refusesAMissingPasswordWithAReason() {
        assertThat(PasswordPolicy.violation(null)).isPresent();
        assertThat(PasswordPolicy.violation("short")).hasValue("must be between 12 and 128 characters long");
        assertThat(PasswordPolicy.violation("long enough password")).isEmpty();
    }

    @Test
    void refusesAListedPasswordOfAcceptableLengthWhateverItsCase() {
        // twelve characters and more, yet among the 10,000 most common passwords
        assertThat(PasswordPolicy.violation("scandinavian")).hasValue(PasswordPolicy.TOO_COMMON);
        assertThat(PasswordPolicy.violation("Unbelievable")).hasValue(PasswordPolicy.TOO_COMMON);
        assertThat(PasswordPolicy.isAcceptable("MOTHERFUCKER")).isFalse();
        assertThat(PasswordPolicy.isTooCommon("unbelievable!")).isFalse();
    }

    @Test
    void theLengthRuleComesFirstAndAloneIsWhatRequestValidationChecks() {
        assertThat(PasswordPolicy.violation("password")).hasValue("must be between 12 and 128 characters long");
        assertThat(PasswordPolicy.lengthViolation("scandinavian")).isEmpty();
    }
}

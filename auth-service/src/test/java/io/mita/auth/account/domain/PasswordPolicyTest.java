package io.mita.auth.account.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.account.domain.PasswordWeakness.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PersonalDetails ANN = new PersonalDetails("ann.marsh@example.com", "Ann Marsh");

    @Test
    void refusesElevenCharactersAndAcceptsTwelve() {
        assertThat(PasswordPolicy.lengthViolation("a".repeat(11))).isPresent();
        assertThat(PasswordPolicy.lengthViolation("a".repeat(12))).isEmpty();
    }

    @Test
    void acceptsOneHundredTwentyEightCharactersAndRefusesOneMore() {
        assertThat(PasswordPolicy.lengthViolation("b".repeat(128))).isEmpty();
        assertThat(PasswordPolicy.lengthViolation("b".repeat(129))).isPresent();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDD11"; // one character, two UTF-16 units
        assertThat(PasswordPolicy.lengthViolation(emoji.repeat(11)))
                .as("11 characters, 22 units")
                .isPresent();
        assertThat(PasswordPolicy.lengthViolation(emoji.repeat(128)))
                .as("128 characters, 256 units")
                .isEmpty();
        assertThat(PasswordPolicy.lengthViolation(emoji.repeat(129))).isPresent();
    }

    @Test
    void refusesAMissingPasswordWithAReason() {
        assertThat(PasswordPolicy.lengthViolation(null)).hasValue("must not be empty");
        assertThat(PasswordPolicy.lengthViolation("short")).hasValue("must be between 12 and 128 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password123!", "qwertyuiop12"})
    void refusesTheIssuesExamplesOfWeakPasswordsOfTheRightLength(String password) {
        assertThat(PasswordPolicy.lengthViolation(password)).isEmpty();

        assertThat(PasswordPolicy.weakness(password, PersonalDetails.NONE))
                .hasValueSatisfying(weakness -> assertThat(weakness.reason()).isIn(Reason.BREACHED, Reason.GUESSABLE));
    }

    @Test
    void refusesABreachedPasswordWhateverItsCaseWithAHintThatDoesNotRepeatIt() {
        assertThat(PasswordPolicy.weakness("QwertyUiop12", PersonalDetails.NONE))
                .hasValueSatisfying(weakness -> {
                    assertThat(weakness.reason()).isEqualTo(Reason.BREACHED);
                    assertThat(weakness.hint().toLowerCase())
                            .doesNotContain("qwerty")
                            .doesNotContain("uiop12");
                });
    }

    @Test
    void refusesAPasswordContainingTheAccountsEmailAddressOrName() {
        assertThat(PasswordPolicy.weakness("xK9!ann.marsh@example.com", ANN))
                .hasValueSatisfying(weakness -> assertThat(weakness.reason()).isEqualTo(Reason.PERSONAL_INFORMATION));
        assertThat(PasswordPolicy.weakness("Zebra-ANN.MARSH-quartz-71", ANN))
                .hasValueSatisfying(weakness -> assertThat(weakness.reason()).isEqualTo(Reason.PERSONAL_INFORMATION));
        assertThat(PasswordPolicy.weakness("velvet marsh tundra pickle", ANN))
                .as("a word of the display name")
                .hasValueSatisfying(weakness -> assertThat(weakness.reason()).isEqualTo(Reason.PERSONAL_INFORMATION));
    }

    @Test
    void acceptsAStrongPassphrase() {
        assertThat(PasswordPolicy.weakness("velvet tundra pickle orbit crayon", ANN))
                .isEmpty();
        assertThat(PasswordPolicy.guessesLog10("velvet tundra pickle orbit crayon"))
                .isGreaterThanOrEqualTo(PasswordPolicy.MIN_GUESSES_LOG10);
    }

    @Test
    void theHintOfAGuessablePasswordIsTheEstimatorsAdviceNeverThePassword() {
        String password = "asdfghjklasdf";

        assertThat(PasswordPolicy.weakness(password, PersonalDetails.NONE)).hasValueSatisfying(weakness -> {
            assertThat(weakness.reason()).isEqualTo(Reason.GUESSABLE);
            assertThat(weakness.hint()).isNotBlank().doesNotContain(password).doesNotContain("asdf");
        });
    }

    @Test
    void aRandomPasswordOfTheLongestLengthIsAccepted() {
        String random = "Tq7#vL2p@Zx9!mW4rB8$kN3^hJ6&cF1*yD5(gS0)eA-uR7+oI2=";

        assertThat(PasswordPolicy.weakness(random.repeat(3).substring(0, 128), PersonalDetails.NONE))
                .isEmpty();
    }
}

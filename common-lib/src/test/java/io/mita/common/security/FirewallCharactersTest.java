package io.mita.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's character rules without regular expressions answer exactly as Spring Security's predicates. */
class FirewallCharactersTest {

    @Test
    void headerNamesAreJudgedLikeSpringSecurityForEveryCodePoint() {
        assertThat(disagreements(
                        FirewallCharacters::isAllowedName, StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES))
                .isEmpty();
    }

    @Test
    void headerValuesAreJudgedLikeSpringSecurityForEveryCodePoint() {
        assertThat(disagreements(
                        FirewallCharacters::isAllowedHeaderValue,
                        StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES))
                .isEmpty();
    }

    @Test
    void parameterNamesAreJudgedLikeSpringSecurityForEveryCodePoint() {
        assertThat(disagreements(
                        FirewallCharacters::isAllowedName, StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES))
                .isEmpty();
    }

    @Test
    void aBearerTokenPassesAndOneControlCharacterAnywhereInItIsRefused() {
        String header = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl-_~+/==";

        assertThat(FirewallCharacters.isAllowedHeaderValue(header)).isTrue();
        assertThat(FirewallCharacters.isAllowedHeaderValue("\u0085" + header)).isFalse();
        assertThat(FirewallCharacters.isAllowedHeaderValue(header.substring(0, 20) + "\u0000" + header.substring(20)))
                .isFalse();
        assertThat(FirewallCharacters.isAllowedHeaderValue(header + "\u007f")).isFalse();
        assertThat(FirewallCharacters.isAllowedHeaderValue(header + "\r\n")).isFalse();
    }

    @Test
    void aTabIsAllowedInAHeaderValueButNotInANameAndNullPassesAsInSpringSecurity() {
        assertThat(FirewallCharacters.isAllowedHeaderValue("a\tb")).isTrue();
        assertThat(FirewallCharacters.isAllowedName("a\tb")).isFalse();
        assertThat(FirewallCharacters.isAllowedName(null)).isTrue();
        assertThat(FirewallCharacters.isAllowedHeaderValue(null)).isTrue();
        assertThat(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(null))
                .isTrue();
    }

    @Test
    void textsMixingAsciiWithOtherCharactersAndLoneSurrogatesAreJudgedLikeSpringSecurity() {
        List<String> texts = List.of(
                "",
                "Content-Type",
                "café crème",
                "\uD83D\uDE00 smile",
                "lone \uD83D high",
                "lone \uDE00 low",
                "ends high \uD83D",
                "unassigned \u0378 here",
                "unassigned plane \uDB40\uDC00",
                "private use \uE000",
                "nbsp\u00a0and\u2028line separator",
                "x\u009fy",
                "tab\tin the middle");
        for (String text : texts) {
            assertThat(FirewallCharacters.isAllowedName(text))
                    .as("name %s", text)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(FirewallCharacters.isAllowedHeaderValue(text))
                    .as("value %s", text)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }

    /** Code points (alone and between ASCII letters, and every lone surrogate) on which the two predicates differ. */
    private static List<String> disagreements(Predicate<String> ours, Predicate<String> spring) {
        List<String> found = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = Character.toString(codePoint);
            String between = "a" + alone + "b";
            if (ours.test(alone) != spring.test(alone) || ours.test(between) != spring.test(between)) {
                found.add(Integer.toHexString(codePoint));
            }
        }
        return found;
    }
}

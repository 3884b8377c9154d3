package io.mita.common.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PiiMaskerTest {

    private final PiiMasker masker = new PiiMasker();

    @Test
    void masksAnEmailAddressKeepingItsFirstLetterAndDomain() {
        assertThat(masker.mask("login failed for jane.doe@example.com today"))
                .isEqualTo("login failed for j***@example.com today");
        assertThat(PiiMasker.maskEmail("Jane@Example.org")).isEqualTo("J***@Example.org");
    }

    @Test
    void masksAnAddressWhoseLocalPartHasTheLongestLegalLength() {
        String local = "j" + "x".repeat(63);
        assertThat(masker.mask("to " + local + "@example.com")).isEqualTo("to j***@example.com");
    }

    @Test
    void masksTheAddressAtTheEndOfARunOfAddressCharactersLongerThanALocalPart() {
        String run = "a".repeat(20_000) + "jane.doe";
        String masked = masker.mask(run + "@example.com and more");
        assertThat(masked).endsWith("***@example.com and more").doesNotContain("jane.doe");
        assertThat(masked).hasSize(run.length() - 63 + "***@example.com and more".length());
    }

    @Test
    void masksACardNumberThatPassesLuhnButLeavesOtherLongNumbersAlone() {
        assertThat(masker.mask("card 4111 1111 1111 1111 used")).isEqualTo("card **** **** **** 1111 used");
        assertThat(masker.mask("order 1234567890123 shipped")).isEqualTo("order 1234567890123 shipped");
    }

    @Test
    void replacesBearerTokensAndJwts() {
        String jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        assertThat(masker.mask("Authorization: Bearer abc.def-ghi")).isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(masker.mask("token=" + jwt)).isEqualTo("token=[REDACTED]");
    }

    @Test
    void redactsSecretValuesAtAnyDepthOfAJsonPayload() {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode node = json.readTree("""
                {"userId":"u1","password":"hunter2hunter2","nested":{"refresh_token":"r","items":[{"cardNumber":"4111"}]},"note":"ok"}""");
        JsonNode redacted = masker.redactSecrets(node);
        assertThat(redacted.get("password").asString()).isEqualTo(PiiMasker.REDACTED);
        assertThat(redacted.get("nested").get("refresh_token").asString()).isEqualTo(PiiMasker.REDACTED);
        assertThat(redacted.get("nested").get("items").get(0).get("cardNumber").asString())
                .isEqualTo(PiiMasker.REDACTED);
        assertThat(redacted.get("userId").asString()).isEqualTo("u1");
        assertThat(redacted.get("note").asString()).isEqualTo("ok");
    }

    @Test
    void leavesTextWithoutPersonalDataUnchanged() {
        assertThat(masker.mask("budget recalculated for 2026-11")).isEqualTo("budget recalculated for 2026-11");
        assertThat(masker.mask(null)).isNull();
    }

    @Test
    void findsEveryKindOfPersonalDataWhereverItSitsInTheText() {
        assertThat(masker.mask("a@b.io")).isEqualTo("a***@b.io");
        assertThat(masker.mask("x BEARER abc")).isEqualTo("x BEARER [REDACTED]");
        assertThat(masker.mask("4111-1111-1111-1111")).isEqualTo("**** **** **** 1111");
        assertThat(masker.mask("id=ab 4111111111111111")).isEqualTo("id=ab **** **** **** 1111");
        assertThat(masker.mask("eyJa.eyJb.c")).isEqualTo("[REDACTED]");
        assertThat(masker.mask("mail j.doe@example.com and card 4111111111111111 and Bearer t.k.n"))
                .isEqualTo("mail j***@example.com and card **** **** **** 1111 and Bearer [REDACTED]");
    }

    @Test
    void textThatCannotHoldPersonalDataIsReturnedAsItIs() {
        String line = "GET /api/notifications/unread-count -> 200 in 2 ms";

        assertThat(masker.mask(line)).isSameAs(line);
        assertThat(PiiMasker.candidates(line)).isZero();
        assertThat(PiiMasker.candidates("2026-11-30T09:31:36.123Z 1234 5678 9012"))
                .isZero();
    }
}

package io.mita.audit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventMaskerTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final JsonMapper json = JsonMapper.builder().build();
    private final EmailHasher hasher = new EmailHasher(KEY);
    private final EventMasker masker = new EventMasker(hasher);

    private EventMasker.Masked mask(String data) {
        return masker.mask(json.readTree(data));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password",
                "token",
                "secret",
                "key",
                "authorization",
                "card_number",
                "cvv",
                "pin",
                "ssn",
                "tax_id",
                "account_number",
                "routing_number",
                "iban",
                "swift",
                "bank_account",
                "sort_code",
                "PASSWORD",
                "Card-Number",
                "cardNumber",
                "accessToken",
                "clientSecret",
                "apiKey",
                "newPassword"
            })
    void theValueUnderEverySensitiveKeyIsRedactedWhateverItsCase(String key) {
        EventMasker.Masked masked = mask("{\"" + key + "\": \"s3cr3t-value\", \"amount\": \"12.50\"}");

        assertThat(masked.data().get(key).stringValue()).isEqualTo("[REDACTED]");
        assertThat(masked.data().get("amount").stringValue()).isEqualTo("12.50");
    }

    @Test
    void sensitiveKeysAreFoundInNestedObjectsAndArraysAndTheirWholeValueGoes() {
        EventMasker.Masked masked = mask("""
                {"user": {"profile": {"IBAN": "DE89370400440532013000", "name": "Jo"}},
                 "cards": [{"cvv": 123, "last4": "1111"}, {"Pin": ["1", "2"]}],
                 "secret": {"nested": "object"}}""");

        JsonNode data = masked.data();
        assertThat(data.at("/user/profile/IBAN").stringValue()).isEqualTo("[REDACTED]");
        assertThat(data.at("/user/profile/name").stringValue()).isEqualTo("Jo");
        assertThat(data.at("/cards/0/cvv").stringValue()).isEqualTo("[REDACTED]");
        assertThat(data.at("/cards/0/last4").stringValue()).isEqualTo("1111");
        assertThat(data.at("/cards/1/Pin").stringValue()).isEqualTo("[REDACTED]");
        assertThat(data.get("secret").stringValue()).isEqualTo("[REDACTED]");
    }

    @Test
    void keysThatOnlyContainASensitiveWordStay() {
        EventMasker.Masked masked = mask("{\"keyId\": \"k1\", \"pinned\": true, \"tokenCount\": 3}");

        assertThat(masked.data().get("keyId").stringValue()).isEqualTo("k1");
        assertThat(masked.data().get("pinned").booleanValue()).isTrue();
        assertThat(masked.data().get("tokenCount").intValue()).isEqualTo(3);
    }

    @Test
    void emailAddressesAreMaskedAndTheirKeyedHashesCollectedOnceEachSorted() {
        EventMasker.Masked masked = mask("""
                {"email": "jane.doe@example.com",
                 "note": "cc John@Example.org and jane.doe@example.com",
                 "list": ["x@y.io"]}""");

        assertThat(masked.data().get("email").stringValue()).isEqualTo("j***@example.com");
        assertThat(masked.data().get("note").stringValue()).isEqualTo("cc J***@Example.org and j***@example.com");
        assertThat(masked.data().at("/list/0").stringValue()).isEqualTo("x***@y.io");
        assertThat(masked.emailHashes())
                .containsExactlyElementsOf(new java.util.TreeSet<>(java.util.List.of(
                        hasher.hash("jane.doe@example.com"), hasher.hash("john@example.org"), hasher.hash("x@y.io"))));
        assertThat(masked.toString()).doesNotContain("jane.doe@", "John@");
    }

    @Test
    void theHashIgnoresCaseAndSurroundingSpaceButDependsOnTheKey() {
        EmailHasher other = new EmailHasher(Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        }));

        assertThat(hasher.hash(" Jane.Doe@Example.com ")).isEqualTo(hasher.hash("jane.doe@example.com"));
        assertThat(hasher.hash("jane.doe@example.com")).hasSize(64).isNotEqualTo(other.hash("jane.doe@example.com"));
    }

    @Test
    void luhnValidCardRunsKeepTheirLastFourAndOtherDigitRunsStay() {
        EventMasker.Masked masked = mask("""
                {"memo": "paid with 4111 1111 1111 1111 today",
                 "ref": "4111111111111112",
                 "cardAsNumber": 5555555555554444,
                 "createdMillis": 1767225600000,
                 "orderNumber": 4111111111111112}""");

        assertThat(masked.data().get("memo").stringValue()).isEqualTo("paid with **** **** **** 1111 today");
        assertThat(masked.data().get("ref").stringValue())
                .as("fails the Luhn check")
                .isEqualTo("4111111111111112");
        assertThat(masked.data().get("cardAsNumber").stringValue()).isEqualTo("**** **** **** 4444");
        assertThat(masked.data().get("createdMillis").longValue()).isEqualTo(1767225600000L);
        assertThat(masked.data().get("orderNumber").longValue()).isEqualTo(4111111111111112L);
    }

    @Test
    void dataWithoutAnythingPersonalIsUnchangedAndHasNoHashes() {
        EventMasker.Masked masked = mask("{\"transactionId\":\"7f1c\",\"amount\":\"12.50\",\"n\":[1,2]}");

        assertThat(json.writeValueAsString(masked.data()))
                .isEqualTo("{\"transactionId\":\"7f1c\",\"amount\":\"12.50\",\"n\":[1,2]}");
        assertThat(masked.emailHashes()).isEmpty();
    }

    @Test
    void aKeyTooShortOrNotBase64IsRefusedAtStartup() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EmailHasher("c2hvcnQ="))
                .hasMessageContaining("at least 32 bytes");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EmailHasher("!!"))
                .hasMessageContaining("not base64");
    }
}

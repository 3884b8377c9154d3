package io.mita.notification.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.common.events.NonRetryableEventException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class DeliveryCipherTest {

    static final String KEY = DeliverySealer.randomKey();
    static final String EMAIL = "ann.example@example.com";
    static final String TOKEN = DeliverySealer.randomToken();

    final DeliveryCipher cipher =
            DeliveryCipher.withKey(KEY, JsonMapper.builder().build());
    final UUID requestId = UUID.randomUUID();

    @Test
    void opensADeliverySealedWithTheSameKeyForTheSameRequest() {
        String delivery = DeliverySealer.seal(KEY, requestId, DeliverySealer.plaintext(EMAIL, TOKEN, "Ann Example"));

        DeliveryDetails details = cipher.open(delivery, requestId);

        assertThat(details.email()).isEqualTo(EMAIL);
        assertThat(details.token()).isEqualTo(TOKEN);
        assertThat(details.displayName()).isEqualTo("Ann Example");
    }

    @Test
    void opensADeliveryWithoutDisplayNameAndWithPaddedBase64() {
        String delivery =
                DeliverySealer.seal(KEY, requestId, "{\"email\":\"" + EMAIL + "\",\"token\":\"" + TOKEN + "\"}");
        String[] parts = delivery.split("\\.");
        String padded = parts[0] + "." + pad(parts[1]) + "." + pad(parts[2]);

        DeliveryDetails details = cipher.open(padded, requestId);

        assertThat(details.email()).isEqualTo(EMAIL);
        assertThat(details.displayName()).isNull();
    }

    @Test
    void refusesADeliverySealedWithAnotherKey() {
        String delivery = DeliverySealer.seal(
                DeliverySealer.randomKey(), requestId, DeliverySealer.plaintext(EMAIL, TOKEN, null));

        assertUnreadable(delivery, requestId, "does not authenticate");
    }

    @Test
    void refusesADeliverySealedForAnotherRequest() {
        String delivery = DeliverySealer.seal(KEY, UUID.randomUUID(), DeliverySealer.plaintext(EMAIL, TOKEN, null));

        assertUnreadable(delivery, requestId, "does not authenticate");
    }

    @Test
    void refusesATamperedCiphertext() {
        String delivery = DeliverySealer.seal(KEY, requestId, DeliverySealer.plaintext(EMAIL, TOKEN, null));

        assertUnreadable(DeliverySealer.tamper(delivery, false), requestId, "does not authenticate");
    }

    @Test
    void refusesATamperedIv() {
        String delivery = DeliverySealer.seal(KEY, requestId, DeliverySealer.plaintext(EMAIL, TOKEN, null));

        assertUnreadable(DeliverySealer.tamper(delivery, true), requestId, "does not authenticate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1", "v1.AAAA", "v2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", "v1.AAAA.AAAA.AAAA"})
    void refusesAnUnknownFormat(String delivery) {
        assertUnreadable(delivery, requestId, "format");
    }

    @Test
    void refusesPartsThatAreNotBase64Url() {
        assertUnreadable("v1.not+base64/!.AAAA", requestId, "base64url");
    }

    @Test
    void refusesAnIvOfTheWrongLength() {
        assertUnreadable("v1.AAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", requestId, "IV");
    }

    @Test
    void refusesAPlaintextThatIsNotJsonWithoutRepeatingIt() {
        String delivery = DeliverySealer.seal(KEY, requestId, "email=" + EMAIL + " token=" + TOKEN);

        assertUnreadable(delivery, requestId, "not the expected JSON");
    }

    @Test
    void refusesAPlaintextWithoutToken() {
        String delivery = DeliverySealer.seal(KEY, requestId, "{\"email\":\"" + EMAIL + "\"}");

        assertUnreadable(delivery, requestId, "no token");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"c2hvcnQ=", "not base64 at all!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void refusesAKeyThatIsNotBase64Of32Bytes(String key) {
        assertThatThrownBy(
                        () -> DeliveryCipher.withKey(key, JsonMapper.builder().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MITA_NOTIFICATION_DELIVERY_KEY");
    }

    @Test
    void theOpenedDetailsNeverShowTheAddressOrTheTokenWhenPrinted() {
        DeliveryDetails details = new DeliveryDetails(EMAIL, TOKEN, "Ann");

        assertThat(details.toString())
                .doesNotContain(EMAIL)
                .doesNotContain(TOKEN)
                .contains("a***@example.com");
    }

    private void assertUnreadable(String delivery, UUID request, String reason) {
        assertThatThrownBy(() -> cipher.open(delivery, request))
                .isInstanceOf(UnreadableDeliveryException.class)
                .isInstanceOf(NonRetryableEventException.class)
                .hasMessageContaining(reason)
                .hasNoCause()
                .satisfies(failure ->
                        assertThat(failure.getMessage()).doesNotContain(EMAIL).doesNotContain(TOKEN));
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}

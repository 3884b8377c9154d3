package io.mita.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.auth.config.DevelopmentDefaults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeliveryCipherTest {

    private static final Path GOLDEN = Path.of("..", "docs", "events", PasswordResetRequested.TYPE + ".json");
    private static final String PLAINTEXT =
            "{\"email\":\"ann@example.com\",\"token\":\"t0ken\",\"displayName\":\"Ann\"}";

    @Test
    void theGoldenFilesDeliveryOpensWithTheDevelopmentKeyAndItsRequestId() throws Exception {
        JsonNode golden = JsonMapper.builder().build().readTree(Files.readString(GOLDEN));
        String requestId = golden.get("requestId").asString();

        byte[] opened = DeliveryCipher.fromBase64(DevelopmentDefaults.DELIVERY_KEY)
                .open(golden.get("delivery").asString(), requestId);

        assertThat(new String(opened, StandardCharsets.UTF_8))
                .isEqualTo("{\"email\":\"ann@example.com\","
                        + "\"token\":\"Zr3XkP0qLw8vN2mB5tYcH7sD1fJ9gA4eU6oI0xRnQyE\",\"displayName\":\"Ann Example\"}");
    }

    @Test
    void aSealedDeliveryFollowsTheDocumentedFormatAndOpensAsTheRecipientReadsIt() throws Exception {
        String key = randomKey();
        String requestId = UUID.randomUUID().toString();

        String delivery = DeliveryCipher.fromBase64(key).seal(PLAINTEXT.getBytes(StandardCharsets.UTF_8), requestId);

        assertThat(delivery).matches("v1\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+").doesNotContain("ann@example.com");
        assertThat(DeliveryRecipient.open(delivery, requestId, key)).isEqualTo(PLAINTEXT);
    }

    @Test
    void everySealingUsesAFreshIv() {
        DeliveryCipher cipher = DeliveryCipher.fromBase64(randomKey());

        String first = cipher.seal(PLAINTEXT.getBytes(StandardCharsets.UTF_8), "r");
        String second = cipher.seal(PLAINTEXT.getBytes(StandardCharsets.UTF_8), "r");

        assertThat(first.split("\\.")[1]).isNotEqualTo(second.split("\\.")[1]);
    }

    @Test
    void aDeliveryDoesNotOpenUnderAnotherRequestIdOrKeyOrWhenTampered() {
        String key = randomKey();
        DeliveryCipher cipher = DeliveryCipher.fromBase64(key);
        String delivery = cipher.seal(PLAINTEXT.getBytes(StandardCharsets.UTF_8), "request-1");
        String[] parts = delivery.split("\\.");
        char last = parts[2].charAt(0);
        String tampered = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);

        assertThatThrownBy(() -> cipher.open(delivery, "request-2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryCipher.fromBase64(randomKey()).open(delivery, "request-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open(tampered, "request-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open("v2." + parts[1] + "." + parts[2], "request-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAKeyThatIsNot256BitsNamingTheVariableButNotTheValue() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> DeliveryCipher.fromBase64(sixteenBytes))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MITA_NOTIFICATION_DELIVERY_KEY")
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(sixteenBytes);
        assertThatThrownBy(() -> DeliveryCipher.fromBase64("not base64!"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MITA_NOTIFICATION_DELIVERY_KEY");
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

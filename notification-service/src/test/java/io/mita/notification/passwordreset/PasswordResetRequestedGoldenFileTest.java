package io.mita.notification.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.notification.config.NotificationProperties;
import io.mita.notification.inbound.PasswordResetRequested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our copy of auth-service's payload reads the golden file, and the development key we default to is the
 * one documented beside it: the golden delivery, sealed with that key, opens.
 */
class PasswordResetRequestedGoldenFileTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern DELIVERY_KEY_DEFAULT = Pattern.compile("\\$\\{MITA_NOTIFICATION_DELIVERY_KEY:([^}]+)}");

    @Test
    void ourCopyReadsEveryMemberOfTheGoldenFile() throws IOException {
        String golden = Files.readString(events().resolve(PasswordResetRequested.TYPE + ".json"));
        JsonNode tree = JSON.readTree(golden);

        PasswordResetRequested payload = JSON.readValue(golden, PasswordResetRequested.class);

        assertThat(tree.propertyNames()).containsExactlyInAnyOrder("userId", "requestId", "expiresAt", "delivery");
        assertThat(payload.missingMember()).isNull();
        assertThat(payload.userId()).hasToString(tree.get("userId").asString());
        assertThat(payload.requestId()).hasToString(tree.get("requestId").asString());
        assertThat(payload.expiresAt()).hasToString(tree.get("expiresAt").asString());
        assertThat(payload.delivery()).isEqualTo(tree.get("delivery").asString());
    }

    @Test
    void theGoldenDeliveryOpensWithTheDevelopmentKeyForItsOwnRequest() throws IOException {
        PasswordResetRequested payload = JSON.readValue(
                Files.readString(events().resolve(PasswordResetRequested.TYPE + ".json")),
                PasswordResetRequested.class);

        DeliveryDetails details = DeliveryCipher.withKey(NotificationProperties.DEVELOPMENT_DELIVERY_KEY, JSON)
                .open(payload.delivery(), payload.requestId());

        assertThat(details.email()).contains("@");
        assertThat(details.token()).isNotBlank();
    }

    @Test
    void theDevelopmentKeyIsTheDefaultOfApplicationYmlAndTheDocumentedOne() throws IOException {
        String applicationYml = Files.readString(Path.of("src/main/resources/application.yml"));
        String documentation = Files.readString(events().resolve(PasswordResetRequested.TYPE + ".md"));

        assertThat(defaultKey(applicationYml)).isEqualTo(NotificationProperties.DEVELOPMENT_DELIVERY_KEY);
        assertThat(documentation).contains("`" + NotificationProperties.DEVELOPMENT_DELIVERY_KEY + "`");
    }

    @Test
    void authServiceSealsWithTheSameDevelopmentKeyByDefault() throws IOException {
        Path authYml = events().resolve("../../auth-service/src/main/resources/application.yml")
                .normalize();

        assertThat(defaultKey(Files.readString(authYml)))
                .as("default of MITA_NOTIFICATION_DELIVERY_KEY in %s", authYml)
                .isEqualTo(NotificationProperties.DEVELOPMENT_DELIVERY_KEY);
    }

    static String defaultKey(String yaml) {
        Matcher matcher = DELIVERY_KEY_DEFAULT.matcher(yaml);
        return matcher.find() ? matcher.group(1).strip() : null;
    }

    static Path events() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/events"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a docs/events folder above the module").isNotNull();
        return dir.resolve("docs/events");
    }
}

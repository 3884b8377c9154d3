package io.mita.notification.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.notification.config.NotificationProperties;
import io.mita.notification.inbound.PasswordResetRequested;
import io.mita.testsupport.GoldenEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our copy of auth-service's payload reads the golden file, and the development key we default to is the
 * one documented beside it: the golden delivery, sealed with that key, opens.
 */
class PasswordResetRequestedGoldenFileTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern DELIVERY_KEY_DEFAULT = Pattern.compile("\\$\\{MITA_NOTIFICATION_DELIVERY_KEY:([^}]+)}");

    @Test
    void ourCopyReadsEveryMemberOfTheGoldenFile() {
        PasswordResetRequested payload =
                GoldenEvents.assertReads(PasswordResetRequested.TYPE, PasswordResetRequested.class);

        assertThat(payload.missingMember()).isNull();
    }

    @Test
    void theGoldenDeliveryOpensWithTheDevelopmentKeyForItsOwnRequest() {
        PasswordResetRequested payload =
                JSON.treeToValue(GoldenEvents.read(PasswordResetRequested.TYPE), PasswordResetRequested.class);

        DeliveryDetails details = DeliveryCipher.withKey(NotificationProperties.DEVELOPMENT_DELIVERY_KEY, JSON)
                .open(payload.delivery(), payload.requestId());

        assertThat(details.email()).contains("@");
        assertThat(details.token()).isNotBlank();
    }

    @Test
    void theDevelopmentKeyIsTheDefaultOfApplicationYmlAndTheDocumentedOne() throws IOException {
        String applicationYml = Files.readString(Path.of("src/main/resources/application.yml"));
        String documentation = Files.readString(GoldenEvents.directory().resolve(PasswordResetRequested.TYPE + ".md"));

        assertThat(defaultKey(applicationYml)).isEqualTo(NotificationProperties.DEVELOPMENT_DELIVERY_KEY);
        assertThat(documentation).contains("`" + NotificationProperties.DEVELOPMENT_DELIVERY_KEY + "`");
    }

    @Test
    void authServiceSealsWithTheSameDevelopmentKeyByDefault() throws IOException {
        Path authYml = GoldenEvents.directory()
                .resolve("../../auth-service/src/main/resources/application.yml")
                .normalize();

        assertThat(defaultKey(Files.readString(authYml)))
                .as("default of MITA_NOTIFICATION_DELIVERY_KEY in %s", authYml)
                .isEqualTo(NotificationProperties.DEVELOPMENT_DELIVERY_KEY);
    }

    static String defaultKey(String yaml) {
        Matcher matcher = DELIVERY_KEY_DEFAULT.matcher(yaml);
        return matcher.find() ? matcher.group(1).strip() : null;
    }
}

package io.mita.notification.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * This service's own settings ({@code mita.notification.*}).
 *
 * @param mailFrom      the sender of every e-mail ({@code MITA_MAIL_FROM})
 * @param resetLinkBase the web page that takes a reset token; the mail links to {@code <base>?token=<token>}
 * @param deliveryKey   base64 of the 32-byte AES key shared with auth-service that opens sealed deliveries
 *                      ({@code MITA_NOTIFICATION_DELIVERY_KEY})
 * @param appLink       where the "open MITA" link of every notification e-mail goes ({@code MITA_APP_LINK})
 * @param unsubscribeLinkBase the public unsubscribe endpoint (through the gateway); mails link to
 *                      {@code <base>?token=<signed token>} ({@code MITA_UNSUBSCRIBE_LINK_BASE})
 * @param unsubscribeKey base64 of at least 32 bytes, the HMAC key of unsubscribe tokens
 *                      ({@code MITA_NOTIFICATION_UNSUBSCRIBE_KEY})
 */
@Validated
@ConfigurationProperties("mita.notification")
public record NotificationProperties(
        @NotBlank String mailFrom,
        @NotBlank String resetLinkBase,
        @NotBlank String deliveryKey,
        @NotBlank String appLink,
        @NotBlank String unsubscribeLinkBase,
        @NotBlank String unsubscribeKey) {

    /** The development default of {@code deliveryKey}: public in this repository, never for a real deployment. */
    public static final String DEVELOPMENT_DELIVERY_KEY = "I9ng6ikFYMyi+JXiHPambOeu8gJL53pIdtHYqlGUa30=";

    /** The development default of {@code unsubscribeKey}: public in this repository, never for a real deployment. */
    public static final String DEVELOPMENT_UNSUBSCRIBE_KEY = "bWl0YS1kZXYtdW5zdWJzY3JpYmUta2V5LW5vdC1mb3ItcHJvZA==";

    @Override
    public String toString() {
        return "NotificationProperties[mailFrom=" + mailFrom + ", resetLinkBase=" + resetLinkBase
                + ", deliveryKey=[REDACTED], appLink=" + appLink + ", unsubscribeLinkBase=" + unsubscribeLinkBase
                + ", unsubscribeKey=[REDACTED]]";
    }
}

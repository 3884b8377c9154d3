package io.mita.auth.password;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mita.auth.password-reset.*}; defaults in {@code application.yml}.
 *
 * @param tokenTtl    how long a reset token works
 * @param deliveryKey base64 of the 32-byte AES key shared with notification-service that seals the e-mail
 *                    address and the token in the event ({@code MITA_NOTIFICATION_DELIVERY_KEY})
 */
@Validated
@ConfigurationProperties("mita.auth.password-reset")
public record PasswordResetProperties(
        @NotNull Duration tokenTtl, @NotBlank String deliveryKey) {

    @Override
    public String toString() {
        return "PasswordResetProperties[tokenTtl=" + tokenTtl + ", deliveryKey=<redacted>]";
    }
}

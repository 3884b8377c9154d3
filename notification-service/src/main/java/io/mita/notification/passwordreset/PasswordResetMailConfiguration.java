package io.mita.notification.passwordreset;

import io.mita.notification.config.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class PasswordResetMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMailConfiguration.class);

    /** Fails the start-up when the key is not base64 of 32 bytes; warns while the public development key is in use. */
    @Bean
    DeliveryCipher deliveryCipher(NotificationProperties properties, JsonMapper json) {
        DeliveryCipher cipher = DeliveryCipher.withKey(properties.deliveryKey(), json);
        if (NotificationProperties.DEVELOPMENT_DELIVERY_KEY.equals(
                properties.deliveryKey().strip())) {
            log.warn("mita.notification.delivery-key is the public development key: set MITA_NOTIFICATION_DELIVERY_KEY "
                    + "(the same value as auth-service's) in every real deployment");
        }
        return cipher;
    }
}

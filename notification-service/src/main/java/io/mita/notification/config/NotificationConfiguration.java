package io.mita.notification.config;

import io.mita.notification.preference.UnsubscribeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

    /** Fails the start-up when the key is not base64 of 32 bytes or more; warns while the development key is in use. */
    @Bean
    UnsubscribeTokens unsubscribeTokens(NotificationProperties properties) {
        if (NotificationProperties.DEVELOPMENT_UNSUBSCRIBE_KEY.equals(
                properties.unsubscribeKey().strip())) {
            log.warn("mita.notification.unsubscribe-key is the public development key: set "
                    + "MITA_NOTIFICATION_UNSUBSCRIBE_KEY (e.g. `openssl rand -base64 32`) in every real deployment");
        }
        return new UnsubscribeTokens(properties.unsubscribeKey());
    }
}

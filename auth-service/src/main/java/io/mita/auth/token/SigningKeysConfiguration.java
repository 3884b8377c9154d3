package io.mita.auth.token;

import io.mita.auth.config.AuthProperties;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SigningKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeysConfiguration.class);

    /** The development master key in application.yml: public, so never acceptable outside a laptop. */
    static final String DEVELOPMENT_MASTER_KEY = "pjwg+m8wO6kkFSkYSaPW+Mjrg72oaq4Mlm5h3zA+L9g=";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    SigningKeys signingKeys(SigningKeyRepository repository, AuthProperties properties, Clock clock) {
        if (DEVELOPMENT_MASTER_KEY.equals(properties.masterKey().strip())) {
            log.warn("MITA_AUTH_MASTER_KEY is not set: signing keys are encrypted with the public development key");
        }
        return new SigningKeys(repository, SigningKeyCipher.fromBase64(properties.masterKey()),
                properties.accessTokenTtl(), clock);
    }

    /**
     * Loads the signing keys once every singleton exists (so Flyway has migrated) and before the web
     * server takes requests, on the startup thread (blocking is fine there). A key that does not
     * decrypt stops the startup.
     */
    @Bean
    SmartInitializingSingleton signingKeysLoader(SigningKeys signingKeys) {
        return () -> signingKeys.load().block(STARTUP_TIMEOUT);
    }
}

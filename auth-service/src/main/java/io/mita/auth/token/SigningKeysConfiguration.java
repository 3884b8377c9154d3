package io.mita.auth.token;

import com.nimbusds.jose.JWSAlgorithm;
import io.mita.auth.config.AuthProperties;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class SigningKeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeysConfiguration.class);

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    SigningKeyCodec signingKeyCodec(AuthProperties properties, Clock clock) {
        SigningKeyCipher cipher = SigningKeyCipher.fromBase64(properties.masterKey());
        if (cipher.isDevelopmentKey()) {
            log.warn("MITA_AUTH_MASTER_KEY is not set: signing keys are encrypted with the public development key");
        }
        return new SigningKeyCodec(
                cipher, JWSAlgorithm.parse(properties.signingAlgorithm().name()), clock);
    }

    @Bean
    SigningKeys signingKeys(
            SigningKeyRepository repository, SigningKeyCodec codec, AuthProperties properties, Clock clock) {
        return new SigningKeys(repository, codec, properties.accessTokenTtl(), clock);
    }

    /**
     * Loads the signing keys once every singleton exists (so Flyway has migrated) and before the web
     * server takes requests, on the startup thread (blocking is fine there). A key that does not
     * decrypt stops the startup, and so does, in the prod profile, a key sealed under the development key.
     * Then an active key of another algorithm than the configured one is rotated out (once, whatever the
     * number of instances starting).
     */
    @Bean
    SmartInitializingSingleton signingKeysLoader(
            SigningKeys signingKeys, SigningKeyRotation rotation, Environment environment) {
        boolean production = environment.acceptsProfiles(Profiles.of("prod"));
        return () -> startup(signingKeys, rotation, production).block(STARTUP_TIMEOUT);
    }

    /** What an instance does with its keys before it takes requests. */
    static Mono<Void> startup(SigningKeys signingKeys, SigningKeyRotation rotation, boolean production) {
        return signingKeys
                .load(production)
                .then(rotation.rotateToConfiguredAlgorithm())
                .then();
    }

    /** Takes up keys that other instances rotated in, every 30 s. */
    @Bean
    SigningKeyRefresher signingKeyRefresher(SigningKeys signingKeys) {
        return new SigningKeyRefresher(signingKeys, SigningKeys.RELOAD_INTERVAL);
    }
}

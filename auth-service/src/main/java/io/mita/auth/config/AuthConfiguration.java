package io.mita.auth.config;

import io.mita.auth.password.hashing.argon2.Argon2Cost;
import io.mita.auth.password.hashing.argon2.Argon2idPasswordEncoder;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    static final int SALT_LENGTH = 16;
    static final int HASH_LENGTH = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;

    /** Argon2id with the OWASP Password Storage Cheat Sheet's first option, as auth-service stores passwords. */
    public static final Argon2Cost PASSWORD_COST = new Argon2Cost(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_LENGTH);

    /**
     * Argon2id with the OWASP Password Storage Cheat Sheet's first option: 19 MiB memory, 2 iterations,
     * parallelism 1, 16-byte salt, 32-byte hash. (Spring's {@code defaultsForSpringSecurity_v5_8()} uses
     * only 16 MiB.) One reusable 19 MiB workspace per hash that may run at once (docs/auth.md).
     */
    @Bean
    Argon2idPasswordEncoder passwordEncoder(AuthProperties properties) {
        return new Argon2idPasswordEncoder(
                PASSWORD_COST, SALT_LENGTH, properties.passwordHashing().effectiveConcurrency());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

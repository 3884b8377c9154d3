package io.mita.auth.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    static final int SALT_LENGTH = 16;
    static final int HASH_LENGTH = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;

    /**
     * Argon2id with the OWASP Password Storage Cheat Sheet's first option: 19 MiB memory, 2 iterations,
     * parallelism 1, 16-byte salt, 32-byte hash. (Spring's {@code defaultsForSpringSecurity_v5_8()} uses
     * only 16 MiB.)
     */
    @Bean
    Argon2PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

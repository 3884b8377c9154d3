package io.mita.auth.config;

import io.mita.auth.password.hashing.Libargon2PasswordEncoder;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

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
     * only 16 MiB.) Computed by the reference C implementation (libargon2 through argon2-jvm), its working memory
     * native; the service's own Java implementation was deleted after the side-by-side login benchmark
     * (docs/decisions.md, "Argon2id from a library"). Stored hashes are PHC strings, so hashes the own
     * implementation wrote keep verifying.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Libargon2PasswordEncoder(MEMORY_KIB, ITERATIONS, PARALLELISM, SALT_LENGTH, HASH_LENGTH);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package io.mita.auth.config;

import io.mita.auth.password.hashing.Libargon2PasswordEncoder;
import io.mita.auth.password.hashing.argon2.Argon2Cost;
import io.mita.auth.password.hashing.argon2.Argon2idPasswordEncoder;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
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

    /** Argon2id with the OWASP Password Storage Cheat Sheet's first option, as auth-service stores passwords. */
    public static final Argon2Cost PASSWORD_COST = new Argon2Cost(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_LENGTH);

    /**
     * Argon2id with the OWASP Password Storage Cheat Sheet's first option: 19 MiB memory, 2 iterations,
     * parallelism 1, 16-byte salt, 32-byte hash. (Spring's {@code defaultsForSpringSecurity_v5_8()} uses
     * only 16 MiB.) {@code own}: the service's implementation, one reusable 19 MiB workspace on the heap per hash
     * that may run at once; {@code libargon2}: the reference C implementation through argon2-jvm, its memory
     * native (docs/auth.md, docs/decisions.md). Both write and read the same PHC strings.
     */
    @Bean
    PasswordEncoder passwordEncoder(
            AuthProperties properties, @Value("${mita.auth.password-hashing.implementation}") String implementation) {
        return switch (implementation) {
            case "own" ->
                new Argon2idPasswordEncoder(
                        PASSWORD_COST, SALT_LENGTH, properties.passwordHashing().effectiveConcurrency());
            case "libargon2" ->
                new Libargon2PasswordEncoder(MEMORY_KIB, ITERATIONS, PARALLELISM, SALT_LENGTH, HASH_LENGTH);
            default ->
                throw new IllegalStateException(
                        "mita.auth.password-hashing.implementation must be own or libargon2, not " + implementation);
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

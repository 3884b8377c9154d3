package io.mita.auth.password.hashing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.auth.config.AuthProperties;
import java.time.Duration;

/** A real {@link PasswordHasher} with a tiny Argon2id cost, for unit tests of the use cases that hash. */
public final class PasswordHashingFixtures {

    private PasswordHashingFixtures() {}

    /** Argon2id with 64 KiB and one pass: the same library as production, in microseconds. */
    public static PasswordHasher cheapHasher() {
        return new PasswordHasher(
                new Libargon2PasswordEncoder(64, 1, 1, 16, 32),
                new AuthProperties(
                        Duration.ofMinutes(15),
                        Duration.ofDays(30),
                        "unused",
                        AuthProperties.SigningAlgorithm.RS256,
                        new AuthProperties.PasswordHashing(1),
                        new AuthProperties.BootstrapAdmin("admin@mita.local", "unused")),
                new SimpleMeterRegistry());
    }
}

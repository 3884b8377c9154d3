package io.mita.auth.password.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mita.auth.config.AuthProperties;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PasswordHasherTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PasswordHasher hasher = new PasswordHasher(
            new Libargon2PasswordEncoder(19_456, 2, 1, 16, 32),
            new AuthProperties(
                    Duration.ofMinutes(15),
                    Duration.ofDays(30),
                    "unused",
                    AuthProperties.SigningAlgorithm.RS256,
                    new AuthProperties.PasswordHashing(2),
                    new AuthProperties.BootstrapAdmin("a@b.c", "unused")),
            meters);

    @AfterEach
    void dispose() {
        hasher.destroy();
    }

    @Test
    void hashesOnItsOwnSchedulerNotOnTheCallersThread() {
        AtomicReference<String> thread = new AtomicReference<>();
        StepVerifier.create(hasher.hash("a perfectly fine password")
                        .doOnNext(h -> thread.set(Thread.currentThread().getName())))
                .assertNext(hash -> assertThat(hash).startsWith("$argon2id$"))
                .verifyComplete();
        assertThat(thread.get()).startsWith("password-hashing");
    }

    @Test
    void matchesTheRightPasswordOnly() {
        String hash = hasher.hash("a perfectly fine password").block();
        StepVerifier.create(hasher.matches("a perfectly fine password", hash))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(hasher.matches("a perfectly fine passwort", hash))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void aPasswordCheckedAgainstNobodyIsNeverAccepted() {
        StepVerifier.create(hasher.matchesNobody("a perfectly fine password"))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void countsEveryArgon2ComputationIncludingTheCheckAgainstNobody() {
        String hash = hasher.hash("a perfectly fine password").block();
        hasher.matches("a perfectly fine password", hash).block();
        hasher.matchesNobody("a perfectly fine password").block();

        assertThat(meters.get(PasswordHasher.METRIC)
                        .tag("operation", "hash")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(PasswordHasher.METRIC)
                        .tag("operation", "verify")
                        .counter()
                        .count())
                .isEqualTo(2);
    }
}

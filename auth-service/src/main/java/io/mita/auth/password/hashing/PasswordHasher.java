package io.mita.auth.password.hashing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.auth.config.AuthProperties;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hashes and checks passwords (Argon2id) off the event loop, on a scheduler of its own: at most
 * {@code mita.auth.password-hashing.max-concurrency} hashes run at once (each needs 19 MiB), the rest queue.
 * Every Argon2 computation is counted in {@value #METRIC} (tag {@code operation}: {@code hash} for a new
 * password, {@code verify} for a check, including the check against nobody).
 */
@Component
public class PasswordHasher implements DisposableBean {

    public static final String METRIC = "mita.auth.password.hashes";

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHasher.class);
    private static final long MIB = 1024 * 1024;

    private final PasswordEncoder encoder;
    private final Scheduler scheduler;
    private final String dummyHash;
    private final Counter hashes;
    private final Counter verifications;

    PasswordHasher(PasswordEncoder encoder, AuthProperties properties, MeterRegistry meters) {
        this.encoder = encoder;
        int concurrency = properties.passwordHashing().effectiveConcurrency();
        LOG.info(
                "Argon2id: at most {} hashes at once (memory limit {} MiB, max heap {} MiB, {} CPUs, {} KiB per hash)",
                concurrency,
                AuthProperties.PasswordHashing.memoryLimit() / MIB,
                AuthProperties.PasswordHashing.maxHeap() / MIB,
                Runtime.getRuntime().availableProcessors(),
                AuthProperties.PasswordHashing.BYTES_PER_HASH / 1024);
        this.scheduler = Schedulers.newBoundedElastic(
                concurrency, Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "password-hashing", 60, true);
        this.hashes = Counter.builder(METRIC)
                .tag("operation", "hash")
                .description("Argon2id computations for new passwords")
                .register(meters);
        this.verifications = Counter.builder(METRIC)
                .tag("operation", "verify")
                .description("Argon2id computations checking a password")
                .register(meters);
        // the hash of a random password nobody knows, for unknown e-mails (computed once, on the startup thread)
        this.dummyHash = encoder.encode(randomPassword());
    }

    /** Hashes a new password; its strength was checked before ({@code NewPasswordCheck}). */
    public Mono<String> hash(String rawPassword) {
        return Mono.fromCallable(() -> {
                    hashes.increment();
                    return encoder.encode(rawPassword);
                })
                .subscribeOn(scheduler);
    }

    public Mono<Boolean> matches(String rawPassword, String hash) {
        return Mono.fromCallable(() -> {
                    verifications.increment();
                    return encoder.matches(rawPassword, hash);
                })
                .subscribeOn(scheduler);
    }

    /**
     * Spends the same work as checking a real password and always answers false: a login for an
     * unknown e-mail must not answer measurably faster than one with a wrong password.
     */
    public Mono<Boolean> matchesNobody(String rawPassword) {
        return matches(rawPassword, dummyHash).map(ignored -> false);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}

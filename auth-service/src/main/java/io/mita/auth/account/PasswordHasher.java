package io.mita.auth.account;

import io.mita.auth.config.AuthProperties;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hashes and checks passwords (Argon2id) off the event loop, on a scheduler of its own: at most
 * {@code mita.auth.password-hashing.max-concurrency} hashes run at once (each needs 19 MiB), the rest queue.
 */
@Component
public class PasswordHasher implements DisposableBean {

    private final PasswordEncoder encoder;
    private final Scheduler scheduler;
    private final String dummyHash;

    PasswordHasher(PasswordEncoder encoder, AuthProperties properties) {
        this.encoder = encoder;
        this.scheduler = Schedulers.newBoundedElastic(properties.passwordHashing().effectiveConcurrency(),
                Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "password-hashing", 60, true);
        // the hash of a random password nobody knows, for unknown e-mails (computed once, on the startup thread)
        this.dummyHash = encoder.encode(randomPassword());
    }

    public Mono<String> hash(String rawPassword) {
        return Mono.fromCallable(() -> encoder.encode(rawPassword)).subscribeOn(scheduler);
    }

    public Mono<Boolean> matches(String rawPassword, String hash) {
        return Mono.fromCallable(() -> encoder.matches(rawPassword, hash)).subscribeOn(scheduler);
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

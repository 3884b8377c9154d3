package io.mita.auth.token;

import io.mita.common.logging.LogContext;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Rotates the signing key: in one transaction, serialised with every other rotation by an advisory lock,
 * the active key is retired as of now, a new one becomes active and {@link SigningKeyRotated} is written.
 * This instance signs with the new key at once; the others within {@link SigningKeys#RELOAD_INTERVAL}.
 */
@Service
class SigningKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRotation.class);

    private final SigningKeys signingKeys;
    private final SigningKeyRepository repository;
    private final SigningKeyPublisher events;
    private final TransactionalOperator transaction;
    private final Clock clock;

    SigningKeyRotation(
            SigningKeys signingKeys,
            SigningKeyRepository repository,
            SigningKeyPublisher events,
            TransactionalOperator transaction,
            Clock clock) {
        this.signingKeys = signingKeys;
        this.repository = repository;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @param actorId the administrator who asked, or null for a command */
    Mono<SigningKeyRotated> rotate(String actorId) {
        return signingKeys.generateOffTheEventLoop().flatMap(next -> rotateTo(next, active -> true, actorId));
    }

    /**
     * At startup: when the active key is not of the configured algorithm (an ES256 key made before the
     * switch to RS256), rotates once to a key of the configured one, as {@link #rotate} does (event, the old
     * key stays published until its tokens have expired). The check is repeated under the rotation lock, so
     * instances starting together rotate once: the later ones find the new key and take it up. Empty when
     * nothing was rotated here.
     */
    Mono<SigningKeyRotated> rotateToConfiguredAlgorithm() {
        String configured = signingKeys.algorithm().getName();
        Predicate<Optional<StoredSigningKey>> ofAnotherAlgorithm =
                active -> active.map(key -> !configured.equals(key.algorithm())).orElse(false);
        return repository
                .findActive()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .filter(ofAnotherAlgorithm)
                .doOnNext(active -> log.info(
                        "The active signing key {} is {}, but {} is configured: rotating",
                        active.get().kid(),
                        active.get().algorithm(),
                        configured))
                .flatMap(active -> signingKeys.generateOffTheEventLoop())
                .flatMap(next -> rotateTo(next, ofAnotherAlgorithm, null)
                        // another instance rotated first: sign with its key
                        .switchIfEmpty(
                                Mono.defer(() -> signingKeys.refreshActive().then(Mono.empty()))));
    }

    /**
     * Under the rotation lock, in one transaction: if {@code condition} holds for the key active then, retires
     * it and makes {@code next} active, and writes the event. Empty when the condition did not hold.
     */
    private Mono<SigningKeyRotated> rotateTo(
            StoredSigningKey next, Predicate<Optional<StoredSigningKey>> condition, String actorId) {
        return repository
                .lockForRotation()
                .then(Mono.defer(() -> repository.findActive().map(Optional::of).defaultIfEmpty(Optional.empty())))
                .filter(condition)
                .flatMap(active -> repository
                        .retireActive(clock.instant())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .flatMap(previous -> {
                    SigningKeyRotated rotated = new SigningKeyRotated(next.kid(), previous.orElse(null));
                    return repository
                            .insert(next)
                            .then(events.rotated(rotated, actorId))
                            .thenReturn(rotated);
                })
                .as(transaction::transactional)
                .flatMap(rotated -> signingKeys.refreshActive().thenReturn(rotated))
                .doOnEach(LogContext.onNext(rotated -> log.info(
                        "Rotated the signing key: {} signs, {} is retired", rotated.kid(), rotated.previousKid())));
    }
}

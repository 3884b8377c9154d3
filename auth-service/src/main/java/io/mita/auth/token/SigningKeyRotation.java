package io.mita.auth.token;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
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
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;

    SigningKeyRotation(SigningKeys signingKeys, SigningKeyRepository repository, OutboxWriter outbox,
            TransactionalOperator transaction, Clock clock) {
        this.signingKeys = signingKeys;
        this.repository = repository;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @param actorId the administrator who asked, or null for a command */
    Mono<SigningKeyRotated> rotate(String actorId) {
        return Mono.fromCallable(signingKeys::generate)
                .flatMap(next -> repository.lockForRotation()
                        .then(Mono.defer(() -> {
                            Instant now = clock.instant();
                            return repository.retireActive(now).map(Optional::of)
                                    .defaultIfEmpty(Optional.empty());
                        }))
                        .flatMap(previous -> {
                            SigningKeyRotated rotated = new SigningKeyRotated(next.kid(), previous.orElse(null));
                            return repository.insert(next)
                                    .then(outbox.append(new OutgoingEvent(SigningKeyRotated.TYPE, next.kid(), rotated),
                                            actorId))
                                    .thenReturn(rotated);
                        })
                        .as(transaction::transactional))
                .flatMap(rotated -> signingKeys.refreshActive().thenReturn(rotated))
                .doOnNext(rotated -> log.info("Rotated the signing key: {} signs, {} is retired", rotated.kid(),
                        rotated.previousKid()));
    }
}

package io.mita.auth.password;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes the password events into the outbox, inside the caller's transaction; the user is the subject. */
@Component
class PasswordPublisher {

    private final OutboxWriter outbox;

    PasswordPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Unauthenticated: whoever asked is unknown, so the event has no actor. */
    Mono<Void> resetRequested(UUID userId, UUID requestId, Instant expiresAt, String sealedDelivery) {
        return outbox.append(
                        new OutgoingEvent(
                                PasswordResetRequested.TYPE,
                                userId.toString(),
                                new PasswordResetRequested(userId, requestId, expiresAt, sealedDelivery)),
                        null)
                .then();
    }

    /**
     * The user is the actor (with the current password, or with a reset token from their mailbox).
     *
     * @param via {@value PasswordChanged#RESET} or {@value PasswordChanged#CHANGE}
     */
    Mono<Void> changed(UUID userId, String via, long sessionsRevoked) {
        return outbox.append(
                        new OutgoingEvent(
                                PasswordChanged.TYPE,
                                userId.toString(),
                                new PasswordChanged(userId, via, sessionsRevoked)),
                        userId.toString())
                .then();
    }
}

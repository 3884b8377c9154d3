package io.mita.auth.lockout;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes the lockout events into the outbox, inside the caller's transaction; the account is the subject. */
@Component
class LockoutPublisher {

    private final OutboxWriter outbox;

    LockoutPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Caused by failed logins, not by a person: no actor. */
    Mono<Void> locked(UUID userId, int failedAttempts, Instant lockedUntil) {
        return outbox.append(
                        new OutgoingEvent(
                                AccountLocked.TYPE,
                                userId.toString(),
                                new AccountLocked(userId, failedAttempts, lockedUntil)),
                        null)
                .then();
    }

    /**
     * The actor is the administrator for {@value AccountUnlocked#ADMIN}, the user for
     * {@value AccountUnlocked#PASSWORD_RESET}, nobody for {@value AccountUnlocked#EXPIRED}; {@code unlockedBy}
     * is in the payload for {@value AccountUnlocked#ADMIN} only.
     */
    Mono<Void> unlocked(UUID userId, String reason, UUID unlockedBy) {
        String actor = unlockedBy != null
                ? unlockedBy.toString()
                : AccountUnlocked.PASSWORD_RESET.equals(reason) ? userId.toString() : null;
        return outbox.append(
                        new OutgoingEvent(
                                AccountUnlocked.TYPE,
                                userId.toString(),
                                new AccountUnlocked(
                                        userId, reason, AccountUnlocked.ADMIN.equals(reason) ? unlockedBy : null)),
                        actor)
                .then();
    }
}

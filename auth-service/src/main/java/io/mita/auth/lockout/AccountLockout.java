package io.mita.auth.lockout;

import io.mita.auth.account.UserAccount;
import io.mita.auth.account.UserNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Locks an account after {@code mita.auth.lockout.max-failures} consecutive failed logins for
 * {@code mita.auth.lockout.duration}; a success resets the count, the lock ends by itself, and a password
 * reset or an administrator clears it. Every lock and every clearing of a recorded lock is an event.
 * The methods that write run in the caller's transaction, with the caller's other events.
 */
@Service
public class AccountLockout {

    private final LoginAttempts attempts;
    private final LockoutPublisher events;
    private final LockoutProperties properties;
    private final TransactionalOperator transaction;
    private final Clock clock;

    AccountLockout(
            LoginAttempts attempts,
            LockoutPublisher events,
            LockoutProperties properties,
            TransactionalOperator transaction,
            Clock clock) {
        this.attempts = attempts;
        this.events = events;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * An administrator clears the lockout of an account (its own transaction). Answers whether a lock was
     * on; {@link UserNotFoundException} when there is no such account.
     */
    public Mono<Boolean> unlockByAdministrator(UUID userId, UUID administrator) {
        return clear(userId, AccountUnlocked.ADMIN, administrator)
                .as(transaction::transactional)
                .switchIfEmpty(Mono.error(() -> new UserNotFoundException(userId)));
    }

    /** Whether the account, as read, refuses logins now (a cheap check before any Argon2 work). */
    public boolean isLocked(UserAccount account) {
        return account.isLockedAt(clock.instant());
    }

    /**
     * Records a successful password check. False when the account is locked (a concurrent failure may have
     * locked it since it was read): the login must then be refused.
     */
    public Mono<Boolean> loginSucceeded(UUID userId) {
        Instant now = clock.instant();
        return attempts.recordSuccess(userId, now)
                .flatMap(cleared -> cleared.previousLock() == null
                        ? Mono.just(true)
                        : events.unlocked(userId, AccountUnlocked.EXPIRED, null).thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** Records a failed password check. True when the account is locked after it (by this failure or before). */
    public Mono<Boolean> loginFailed(UUID userId) {
        Instant now = clock.instant();
        return attempts.recordFailure(userId, now, properties.maxFailures(), now.plus(properties.duration()))
                .flatMap(failure -> {
                    Mono<Void> ended = failure.previousLock() == null
                            ? Mono.empty()
                            : events.unlocked(userId, AccountUnlocked.EXPIRED, null);
                    Mono<Void> locked = failure.lockedUntil() == null
                            ? Mono.empty()
                            : events.locked(userId, failure.attempts(), failure.lockedUntil());
                    return ended.then(locked).thenReturn(failure.lockedUntil() != null);
                })
                .defaultIfEmpty(true);
    }

    /**
     * Resets count and lock. When a lock was recorded, writes the unlock event: with {@code reason} if the
     * lock was still on, as {@value AccountUnlocked#EXPIRED} if it had ended. Answers whether a lock was
     * still on; empty when there is no such account.
     *
     * @param reason     {@value AccountUnlocked#ADMIN} or {@value AccountUnlocked#PASSWORD_RESET}
     * @param unlockedBy the administrator (actor of the event), or null when the user did it
     */
    public Mono<Boolean> clear(UUID userId, String reason, UUID unlockedBy) {
        Instant now = clock.instant();
        return attempts.clear(userId).flatMap(cleared -> {
            if (cleared.previousLock() == null) {
                return Mono.just(false);
            }
            boolean wasOn = cleared.previousLock().isAfter(now);
            return events.unlocked(userId, wasOn ? reason : AccountUnlocked.EXPIRED, wasOn ? unlockedBy : null)
                    .thenReturn(wasOn);
        });
    }
}

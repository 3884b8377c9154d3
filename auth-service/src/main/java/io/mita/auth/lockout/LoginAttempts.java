package io.mita.auth.lockout;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The lockout state of accounts (consecutive failures, lock end) as {@link AccountLockout} needs it:
 * {@link LoginAttemptRepository} over PostgreSQL, where each call is one atomic statement; an in-memory fake in
 * the unit tests.
 */
interface LoginAttempts {

    /**
     * Counts a failed login; the one reaching {@code maxFailures} sets the lock to {@code lockUntil}. A lock
     * that has ended starts the count again. Empty when the account is locked now (or does not exist).
     */
    Mono<Failure> recordFailure(UUID userId, Instant now, int maxFailures, Instant lockUntil);

    /** Resets the count after a successful login. Empty when the account is locked now (or does not exist). */
    Mono<Cleared> recordSuccess(UUID userId, Instant now);

    /** Resets count and lock whatever they are (administrator, password reset). Empty when there is no such account. */
    Mono<Cleared> clear(UUID userId);

    /**
     * @param lockedUntil   the lock this failure set, or null
     * @param previousLock  the lock recorded before (one that had ended), or null
     */
    record Failure(int attempts, Instant lockedUntil, Instant previousLock) {}

    /** @param previousLock the lock that was recorded (ended or not), or null when there was none */
    record Cleared(Instant previousLock) {}
}

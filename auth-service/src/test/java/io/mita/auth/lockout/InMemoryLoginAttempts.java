package io.mita.auth.lockout;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The lockout columns of user_account in memory, deciding as {@link LoginAttemptRepository}'s statements do
 * (each call under one lock, as each statement locks the row), for unit tests of {@link AccountLockout};
 * {@code AccountLockoutIT} runs the statements on PostgreSQL, concurrent failures included.
 */
final class InMemoryLoginAttempts implements LoginAttempts {

    private final Map<UUID, State> accounts = new HashMap<>();

    synchronized void addAccount(UUID userId) {
        accounts.put(userId, new State(0, null));
    }

    synchronized int failedAttempts(UUID userId) {
        return accounts.get(userId).failedAttempts();
    }

    synchronized Instant lockedUntil(UUID userId) {
        return accounts.get(userId).lockedUntil();
    }

    @Override
    public synchronized Mono<Failure> recordFailure(UUID userId, Instant now, int maxFailures, Instant lockUntil) {
        State state = accounts.get(userId);
        if (state == null || state.isLockedAt(now)) {
            return Mono.empty();
        }
        Instant previousLock = state.lockedUntil();
        int attempts = (previousLock == null ? state.failedAttempts() : 0) + 1;
        Instant lockedUntil = attempts >= maxFailures ? lockUntil : null;
        accounts.put(userId, new State(attempts, lockedUntil));
        return Mono.just(new Failure(attempts, lockedUntil, previousLock));
    }

    @Override
    public synchronized Mono<Cleared> recordSuccess(UUID userId, Instant now) {
        State state = accounts.get(userId);
        if (state == null || state.isLockedAt(now)) {
            return Mono.empty();
        }
        accounts.put(userId, new State(0, null));
        return Mono.just(new Cleared(state.lockedUntil()));
    }

    @Override
    public synchronized Mono<Cleared> clear(UUID userId) {
        State state = accounts.get(userId);
        if (state == null) {
            return Mono.empty();
        }
        accounts.put(userId, new State(0, null));
        return Mono.just(new Cleared(state.lockedUntil()));
    }

    private record State(int failedAttempts, Instant lockedUntil) {

        boolean isLockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }
}

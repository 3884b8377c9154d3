package io.mita.auth.lockout;

import io.mita.auth.InlineTransactions;
import io.mita.auth.RecordingOutbox;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** {@link AccountLockout} over in-memory lockout state, for tests of other packages. */
public final class LockoutFixtures {

    private LockoutFixtures() {}

    /** A lockout (5 failures, 30 minutes) that knows only these accounts, none of them locked. */
    public static AccountLockout inMemoryLockout(RecordingOutbox outbox, UUID... accounts) {
        return inMemoryLockout(outbox, Clock.systemUTC(), accounts);
    }

    /** As {@link #inMemoryLockout(RecordingOutbox, UUID...)}, telling time by {@code clock}. */
    public static AccountLockout inMemoryLockout(RecordingOutbox outbox, Clock clock, UUID... accounts) {
        InMemoryLoginAttempts attempts = new InMemoryLoginAttempts();
        for (UUID account : accounts) {
            attempts.addAccount(account);
        }
        return new AccountLockout(
                attempts,
                new LockoutPublisher(outbox),
                new LockoutProperties(5, Duration.ofMinutes(30)),
                new InlineTransactions(),
                clock);
    }
}

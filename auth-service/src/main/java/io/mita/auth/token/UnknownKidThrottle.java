package io.mita.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether a token with a key id we do not know may send us to the database for keys another instance
 * created: not when keys were loaded, or another unknown id went to the database, less than {@code interval}
 * ago. The permission is claimed atomically before the query, so of concurrent callers only one goes.
 */
final class UnknownKidThrottle {

    private final Duration interval;
    private final Clock clock;
    /** When an unknown key id last sent us to the database. */
    private final AtomicReference<Instant> lastReload = new AtomicReference<>(Instant.MIN);

    UnknownKidThrottle(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** True for the caller that may reload now (and that claim counts from now); false for every other. */
    boolean tryClaim(Instant keysLoadedAt) {
        Instant now = clock.instant();
        Instant threshold = now.minus(interval);
        Instant last = lastReload.get();
        return !keysLoadedAt.isAfter(threshold) && !last.isAfter(threshold) && lastReload.compareAndSet(last, now);
    }
}

package io.mita.common.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;

/**
 * When the relay counts the outbox for its gauges: after every pass, except that a pass which published all it
 * claimed, less than a batch (nothing else was pending when it claimed: a stream of changes), counts only when the
 * last count is {@code every} old. Every other pass counts, so the loop's "work left?" after a pass that published
 * nothing reads a fresh count (docs/decisions.md, "A create → dashboard cycle in fewer round trips, fourth pass").
 * Timed by the relay loop's scheduler, so a test's virtual time moves it as it moves the loop's pauses; a clock that
 * went back counts as the time having passed.
 */
final class GaugeCountPace {

    private final int batchSize;
    private final long everyNanos;
    private final Scheduler clock;
    private volatile long countedNanos;

    GaugeCountPace(int batchSize, Duration every, Scheduler clock) {
        this.batchSize = batchSize;
        this.everyNanos = every.toNanos();
        this.clock = clock;
        this.countedNanos = now() - everyNanos;
    }

    /** Whether to count after a pass that claimed {@code claimed} events and stamped {@code stamped} published. */
    boolean countAfter(int claimed, int stamped) {
        boolean allOfLessThanABatch = claimed > 0 && stamped == claimed && claimed < batchSize;
        if (!allOfLessThanABatch) {
            return true;
        }
        long since = now() - countedNanos;
        return since >= everyNanos || since < 0;
    }

    /** The outbox was counted now. */
    void counted() {
        countedNanos = now();
    }

    private long now() {
        return clock.now(TimeUnit.NANOSECONDS);
    }
}

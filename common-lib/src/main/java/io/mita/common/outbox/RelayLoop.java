package io.mita.common.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * When the outbox relay runs its passes: one after the other, never overlapping; the first {@code busy} after start,
 * then the next {@code busy} after a pass that found work (it published, events are still pending, or it failed) and
 * {@code idle} after one that found the outbox empty; and at once when {@link #wakeUp()} is called (an event was
 * committed in this process). A wake-up that comes during a pass is kept: one more pass follows it, because the pass
 * may have looked before the event was committed. So an idle relay costs one pass per {@code idle} instead of one per
 * {@code busy}, and an event written in this process still goes out at once (docs/decisions.md, "Idle CPU").
 *
 * <p>A woken pass starts no sooner than {@code spacing} after the previous pass started: under a stream of commits
 * (one every few milliseconds) the wake-ups within that time share one pass instead of making one pass each, while a
 * lone commit after a quiet spell still starts its pass at once (docs/decisions.md, "The relay's passes under a
 * stream of changes").
 */
final class RelayLoop {

    private final Supplier<Mono<Boolean>> pass;
    private final Duration busy;
    private final Duration idle;
    private final long spacingNanos;
    private final Scheduler timer;
    private volatile long lastPassNanos;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile Sinks.Empty<Void> waiting = Sinks.empty();
    private volatile Disposable loop;

    /**
     * @param pass  one pass; emits whether it found work (an error or no value counts as work: the next pass comes
     *              {@code busy} later)
     * @param busy  the pause after a pass that found work
     * @param idle    the pause after a pass that found none
     * @param spacing the least time between the starts of two passes when a wake-up asks for the second (zero: at
     *                once)
     * @param timer   the scheduler that times the pauses (a test's virtual time)
     */
    RelayLoop(Supplier<Mono<Boolean>> pass, Duration busy, Duration idle, Duration spacing, Scheduler timer) {
        this.pass = pass;
        this.busy = busy;
        this.idle = idle;
        this.spacingNanos = spacing.toNanos();
        this.timer = timer;
        this.lastPassNanos = timer.now(TimeUnit.NANOSECONDS) - spacingNanos;
    }

    synchronized void start() {
        if (isRunning()) {
            return;
        }
        loop = pause(busy).then(Mono.defer(this::passThenPause).repeat().then()).subscribe();
    }

    /** A pass as soon as possible: now while the loop waits, right after the current pass while one runs. */
    void wakeUp() {
        woken.set(true);
        waiting.tryEmitEmpty();
    }

    synchronized void stop() {
        Disposable running = loop;
        loop = null;
        if (running != null) {
            running.dispose();
        }
    }

    boolean isRunning() {
        Disposable running = loop;
        return running != null && !running.isDisposed();
    }

    private Mono<Void> passThenPause() {
        // a wake-up from before this pass is served by it: its event was committed before the pass looks
        woken.set(false);
        lastPassNanos = timer.now(TimeUnit.NANOSECONDS);
        return Mono.defer(pass)
                .onErrorReturn(true)
                .defaultIfEmpty(true)
                .flatMap(foundWork -> pause(foundWork ? busy : idle));
    }

    private Mono<Void> pause(Duration length) {
        return Mono.defer(() -> {
            Sinks.Empty<Void> wake = Sinks.empty();
            waiting = wake;
            if (woken.get()) {
                return spaced();
            }
            // a wake-up comes on the committing (database) thread: the pass starts on the timer's
            return Mono.firstWithSignal(
                    Mono.delay(length, timer).then(),
                    wake.asMono().publishOn(timer).then(Mono.defer(this::spaced)));
        });
    }

    /** Empty at once when the last pass started {@code spacing} ago or earlier, else when it will have. */
    private Mono<Void> spaced() {
        long wait = lastPassNanos + spacingNanos - timer.now(TimeUnit.NANOSECONDS);
        return wait <= 0
                ? Mono.empty()
                : Mono.delay(Duration.ofNanos(wait), timer).then();
    }
}

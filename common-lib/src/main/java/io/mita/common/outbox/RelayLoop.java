package io.mita.common.outbox;

import java.time.Duration;
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
 */
final class RelayLoop {

    private final Supplier<Mono<Boolean>> pass;
    private final Duration busy;
    private final Duration idle;
    private final Scheduler timer;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile Sinks.Empty<Void> waiting = Sinks.empty();
    private volatile Disposable loop;

    /**
     * @param pass  one pass; emits whether it found work (an error or no value counts as work: the next pass comes
     *              {@code busy} later)
     * @param busy  the pause after a pass that found work
     * @param idle  the pause after a pass that found none
     * @param timer the scheduler that times the pauses (a test's virtual time)
     */
    RelayLoop(Supplier<Mono<Boolean>> pass, Duration busy, Duration idle, Scheduler timer) {
        this.pass = pass;
        this.busy = busy;
        this.idle = idle;
        this.timer = timer;
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
                return Mono.<Void>empty();
            }
            // a wake-up comes on the committing (database) thread: the pass starts on the timer's
            return Mono.firstWithSignal(
                    Mono.delay(length, timer).then(), wake.asMono().publishOn(timer));
        });
    }
}

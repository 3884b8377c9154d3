package io.mita.common.lifecycle;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The one shape of a job a service runs every {@code interval} while it is up (retention, digests, key refresh,
 * queue polls): started and stopped with the application context, the first run {@code firstRun} after start, then
 * one run per tick. Runs never overlap: a tick that comes while a run is still going is dropped (at most one waits),
 * so a slow run is followed by one more, not by a burst. A failed run is handed to {@link #failed(Throwable)} (the
 * job logs it in its own words) and the next tick tries again; the loop never ends on an error.
 *
 * <p>{@link #wakeUp()} asks for a run now (a queue poll after something was enqueued), under the same rule: it
 * starts a run when none is going, else at most one more run follows the current one.
 *
 * <p>A job extends this class, answers {@link #runOnce()} and {@link #failed(Throwable)}, and may override
 * {@link #beforeFirstRun()} (once at start), {@code start()} (to stay off when disabled: call {@code super.start()}
 * only when enabled), {@code stop()} and {@code getPhase()}.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private final Duration firstRun;
    private final Duration interval;
    private final Scheduler scheduler;
    private final Sinks.Many<Long> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile Disposable loop;

    /** The first run one {@code interval} after start. */
    protected PeriodicJob(Duration interval) {
        this(interval, interval);
    }

    protected PeriodicJob(Duration firstRun, Duration interval) {
        this(firstRun, interval, Schedulers.parallel());
    }

    /** With the scheduler that times the ticks: a test's virtual time. */
    PeriodicJob(Duration firstRun, Duration interval, Scheduler scheduler) {
        this.firstRun = firstRun;
        this.interval = interval;
        this.scheduler = scheduler;
    }

    /** One run; what it emits is ignored, its error goes to {@link #failed(Throwable)}. */
    protected abstract Mono<?> runOnce();

    /** A run failed (or could not be started); the next tick runs again. Log it here. */
    protected abstract void failed(Throwable failure);

    /** Runs once at start, before the first wait; it handles its own errors. Nothing by default. */
    protected Mono<Void> beforeFirstRun() {
        return Mono.empty();
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        loop = beforeFirstRun()
                .thenMany(Flux.merge(Flux.interval(firstRun, interval, scheduler), wakeUps.asFlux()))
                .onBackpressureDrop()
                .concatMap(
                        tick -> Mono.defer(() -> runOnce().then()).onErrorResume(failure -> {
                            failed(failure);
                            return Mono.empty();
                        }),
                        1)
                .subscribe();
    }

    /** A run as soon as possible (dropped when a run is already waiting, ignored while the job is stopped). */
    public void wakeUp() {
        synchronized (wakeUps) {
            wakeUps.tryEmitNext(-1L);
        }
    }

    @Override
    public synchronized void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        Disposable running = loop;
        return running != null && !running.isDisposed();
    }
}

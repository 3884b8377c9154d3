package io.mita.gateway.securityevents;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Once per window, just after it ends, hands the ended windows' events to Kafka — on a thread of its
 * own, never a request's. On shutdown (after the web server stopped taking requests) the current
 * window is flushed too and the last sends are awaited for a bounded time.
 */
class AccessDeniedFlusher implements SmartLifecycle {

    /** Lets requests that read the clock just before a window ended record into it first. */
    static final long GRACE_MILLIS = 200;

    private static final Logger log = LoggerFactory.getLogger(AccessDeniedFlusher.class);

    private final AccessDeniedAggregator aggregator;
    private final AccessDeniedPublisher publisher;
    private final Clock clock;
    private final Duration window;
    private final Duration shutdownWait;
    private volatile ScheduledExecutorService executor;

    AccessDeniedFlusher(
            AccessDeniedAggregator aggregator,
            AccessDeniedPublisher publisher,
            Clock clock,
            Duration window,
            Duration shutdownWait) {
        this.aggregator = aggregator;
        this.publisher = publisher;
        this.clock = clock;
        this.window = window;
        this.shutdownWait = shutdownWait;
    }

    void flushEnded() {
        try {
            List<AccessDenied> events = aggregator.drainEnded();
            if (!events.isEmpty()) {
                publisher.publish(events);
            }
        } catch (RuntimeException unexpected) {
            log.warn("security events flush failed: {}", unexpected.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "security-events-flush");
            thread.setDaemon(true);
            return thread;
        });
        long windowMillis = window.toMillis();
        long untilNextWindow = windowMillis - Math.floorMod(clock.millis(), windowMillis);
        scheduler.scheduleAtFixedRate(
                this::flushEnded, untilNextWindow + GRACE_MILLIS, windowMillis, TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public void stop() {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            // a flush in progress finishes (interrupting it would drop its events)
            if (!scheduler.awaitTermination(shutdownWait.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        List<AccessDenied> last = aggregator.drainAll();
        if (last.isEmpty()) {
            return;
        }
        try {
            publisher.publish(last).get(shutdownWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.warn("{} security events not acknowledged within {} at shutdown", last.size(), shutdownWait);
        } catch (Exception failed) {
            log.warn("security events not published at shutdown: {}", failed.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Stops after the web server stopped taking requests, before the Kafka producer is closed. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}

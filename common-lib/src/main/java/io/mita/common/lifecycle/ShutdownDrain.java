package io.mita.common.lifecycle;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The first thing a stopping process does: keep serving for {@code mita.shutdown.drain} while its readiness already
 * answers "refusing traffic" (Spring Boot publishes that when the context starts closing), so a load balancer that
 * polls readiness stops sending before the web server closes its listener. Without it, connections that reach the
 * listener as it closes are reset — requests lost in flight. Zero (the default) skips the wait; the local stack and
 * the compose file set a few seconds.
 */
public class ShutdownDrain implements SmartLifecycle {

    /** Sleeps; a seam so the unit test need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Stopped before the web server's graceful shutdown (and everything else). */
    public static final int PHASE = Integer.MAX_VALUE;

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration drain;
    private final Sleeper sleeper;
    private volatile boolean running;
    private volatile boolean draining;

    public ShutdownDrain(Duration drain) {
        this(drain, duration -> Thread.sleep(duration.toMillis()));
    }

    ShutdownDrain(Duration drain, Sleeper sleeper) {
        this.drain = drain == null ? Duration.ZERO : drain;
        this.sleeper = sleeper;
    }

    @Override
    public void start() {
        running = true;
        // a context stopped and started again (Spring's test contexts are paused between uses) serves as before
        draining = false;
    }

    @Override
    public void stop() {
        running = false;
        draining = true;
        if (drain.isZero() || drain.isNegative()) {
            return;
        }
        log.info(
                "shutting down: readiness refuses traffic, serving on for {} ms before the listener closes",
                drain.toMillis());
        try {
            sleeper.sleep(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * From the moment the process started stopping: its answers then close their connections (see
     * {@link ConnectionCloseWhileDraining}).
     */
    public boolean isDraining() {
        return draining;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}

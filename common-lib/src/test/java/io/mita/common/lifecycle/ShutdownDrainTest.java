package io.mita.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;

class ShutdownDrainTest {

    private final List<Duration> slept = new ArrayList<>();

    @Test
    void stoppingWaitsTheDrainBeforeAnythingElseStops() {
        var drain = new ShutdownDrain(Duration.ofSeconds(3), slept::add);
        drain.start();

        drain.stop();

        assertThat(slept).containsExactly(Duration.ofSeconds(3));
        assertThat(drain.isRunning()).isFalse();
        // the web server's graceful shutdown runs at DEFAULT_PHASE - 1024: higher phases stop first
        assertThat(drain.getPhase()).isGreaterThan(SmartLifecycle.DEFAULT_PHASE - 1024);
    }

    @Test
    void aZeroDrainStopsAtOnce() {
        var drain = new ShutdownDrain(Duration.ZERO, slept::add);
        drain.start();

        drain.stop();

        assertThat(slept).isEmpty();
        assertThat(drain.isRunning()).isFalse();
    }

    @Test
    void aDrainStoppedAndStartedAgainNoLongerDrains() {
        var drain = new ShutdownDrain(Duration.ZERO, slept::add);
        drain.start();
        drain.stop();
        assertThat(drain.isDraining()).isTrue();

        drain.start();

        assertThat(drain.isDraining()).isFalse();
        assertThat(drain.isRunning()).isTrue();
    }
}

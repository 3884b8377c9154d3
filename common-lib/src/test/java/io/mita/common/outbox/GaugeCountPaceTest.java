package io.mita.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The gauges' count after a pass, on virtual time: at most once a second while every pass publishes all it claimed. */
class GaugeCountPaceTest {

    private static final int BATCH = 200;

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final GaugeCountPace pace = new GaugeCountPace(BATCH, Duration.ofSeconds(1), time);

    @AfterEach
    void stop() {
        time.dispose();
    }

    @Test
    void passesThatPublishAllTheyClaimedCountTheOutboxAtMostOnceASecond() {
        assertThat(pace.countAfter(3, 3)).as("never counted yet").isTrue();
        pace.counted();

        time.advanceTimeBy(Duration.ofMillis(999));
        assertThat(pace.countAfter(3, 3)).as("999 ms after the count").isFalse();
        assertThat(pace.countAfter(BATCH - 1, BATCH - 1)).isFalse();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(pace.countAfter(3, 3)).as("a second after the count").isTrue();
        pace.counted();
        time.advanceTimeBy(Duration.ofMillis(500));
        assertThat(pace.countAfter(1, 1))
                .as("the second is counted from the last count")
                .isFalse();
    }

    @Test
    void everyOtherPassCountsEvenRightAfterACount() {
        pace.counted();

        assertThat(pace.countAfter(0, 0))
                .as("found nothing: the loop's 'work left?' reads the count")
                .isTrue();
        assertThat(pace.countAfter(3, 2))
                .as("published part of what it claimed")
                .isTrue();
        assertThat(pace.countAfter(BATCH, BATCH))
                .as("a whole batch: more may be pending")
                .isTrue();
    }
}

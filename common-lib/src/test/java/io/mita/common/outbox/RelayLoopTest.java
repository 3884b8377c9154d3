package io.mita.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The pauses run on virtual time: no test here waits. */
class RelayLoopTest {

    private static final Duration BUSY = Duration.ofMillis(200);
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final Duration SPACING = Duration.ofMillis(20);

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    /** The virtual time (ms) at which each pass started. */
    private final List<Long> passes = new ArrayList<>();
    /** What the next passes answer (found work?); empty: found nothing. */
    private final Deque<Boolean> answers = new ArrayDeque<>();

    private RelayLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) {
            loop.stop();
        }
        time.dispose();
    }

    @Test
    void theFirstPassComesOnePollIntervalAfterStartAndPassesThatFindWorkFollowEveryPollInterval() {
        answers.addAll(List.of(true, true, true));
        loop = newLoop(this::answering);
        loop.start();

        time.advanceTimeBy(Duration.ofMillis(199));
        assertThat(passes).isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(passes).containsExactly(200L);
        time.advanceTimeBy(Duration.ofMillis(400));
        assertThat(passes).containsExactly(200L, 400L, 600L);
        assertThat(loop.isRunning()).isTrue();
    }

    @Test
    void afterAPassThatFindsNothingTheNextComesOnlyAfterTheIdleInterval() {
        answers.add(true);
        loop = newLoop(this::answering);
        loop.start();

        time.advanceTimeBy(Duration.ofSeconds(5));
        // 200: work, 400: nothing, then the idle interval
        assertThat(passes).containsExactly(200L, 400L);
        time.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(passes).containsExactly(200L, 400L, 5400L, 10400L);
    }

    @Test
    void aWakeUpWhileTheLoopIdlesRunsAPassAtOnceAndTheLoopIsBusyAgainWhileThatPassFindsWork() {
        loop = newLoop(this::answering);
        loop.start();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(passes).containsExactly(200L);

        answers.add(true);
        loop.wakeUp();

        assertThat(passes).containsExactly(200L, 1000L);
        time.advanceTimeBy(Duration.ofMillis(200));
        assertThat(passes)
                .as("the woken pass found work: the next one poll interval later")
                .containsExactly(200L, 1000L, 1200L);
        time.advanceTimeBy(Duration.ofSeconds(4));
        assertThat(passes).as("that one found nothing: idle again").containsExactly(200L, 1000L, 1200L);
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(passes).containsExactly(200L, 1000L, 1200L, 6200L);
    }

    @Test
    void wakeUpsDuringAPassMakeExactlyOneMorePassRightAfterIt() {
        List<Sinks.One<Boolean>> running = new ArrayList<>();
        loop = newLoop(heldOpenUntilAnswered(running));
        loop.start();
        time.advanceTimeBy(BUSY);
        assertThat(running).hasSize(1);

        // events committed while the pass looks: it may have missed them
        loop.wakeUp();
        loop.wakeUp();
        loop.wakeUp();
        time.advanceTimeBy(Duration.ofMillis(50));
        assertThat(running).as("passes never overlap").hasSize(1);
        running.get(0).tryEmitValue(false);

        assertThat(running).as("one more pass, at once").hasSize(2);
        assertThat(passes).containsExactly(200L, 250L);
        running.get(1).tryEmitValue(false);
        time.advanceTimeBy(Duration.ofSeconds(4));
        assertThat(running).as("the wake-ups were used up by that pass").hasSize(2);
    }

    @Test
    void aFailedOrThrowingPassCountsAsWorkAndTheLoopGoesOn() {
        int[] calls = {0};
        loop = newLoop(() -> {
            passes.add(time.now(TimeUnit.MILLISECONDS));
            calls[0]++;
            if (calls[0] == 1) {
                return Mono.error(new IllegalStateException("database away"));
            }
            if (calls[0] == 2) {
                throw new IllegalStateException("bad row");
            }
            return Mono.just(false);
        });
        loop.start();

        time.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(passes).containsExactly(200L, 400L, 600L);
        assertThat(loop.isRunning()).isTrue();
    }

    @Test
    void stoppingEndsThePassesAndAWakeUpAfterwardsRunsNone() {
        loop = newLoop(this::answering);
        loop.start();
        time.advanceTimeBy(Duration.ofSeconds(1));
        loop.stop();

        loop.wakeUp();
        time.advanceTimeBy(Duration.ofMinutes(1));

        assertThat(passes).containsExactly(200L);
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void withASpacingAWakeUpLongAfterTheLastPassStillRunsAPassAtOnce() {
        loop = spacedLoop(this::answering);
        loop.start();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(passes).containsExactly(200L);

        loop.wakeUp();

        assertThat(passes).containsExactly(200L, 1000L);
    }

    @Test
    void withASpacingWakeUpsSoonAfterAPassStartedShareOnePassAtTheSpacingsEnd() {
        loop = spacedLoop(this::answering);
        loop.start();
        time.advanceTimeBy(Duration.ofSeconds(1));
        loop.wakeUp();
        assertThat(passes).containsExactly(200L, 1000L);

        // commits 5, 10 and 15 ms after the woken pass started (it finished at once and found nothing)
        time.advanceTimeBy(Duration.ofMillis(5));
        loop.wakeUp();
        time.advanceTimeBy(Duration.ofMillis(5));
        loop.wakeUp();
        time.advanceTimeBy(Duration.ofMillis(5));
        loop.wakeUp();
        time.advanceTimeBy(Duration.ofMillis(4));
        assertThat(passes).as("not before the spacing's end").containsExactly(200L, 1000L);
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(passes).as("one pass for the three").containsExactly(200L, 1000L, 1020L);
        time.advanceTimeBy(Duration.ofSeconds(4));
        assertThat(passes).as("the wake-ups were used up by that pass").containsExactly(200L, 1000L, 1020L);
    }

    @Test
    void withASpacingWakeUpsDuringAPassLongerThanTheSpacingMakeOneMorePassRightAfterIt() {
        List<Sinks.One<Boolean>> running = new ArrayList<>();
        loop = spacedLoop(heldOpenUntilAnswered(running));
        loop.start();
        time.advanceTimeBy(BUSY);
        loop.wakeUp();
        loop.wakeUp();
        time.advanceTimeBy(Duration.ofMillis(50));
        running.get(0).tryEmitValue(false);

        assertThat(passes).as("the pass took longer than the spacing: at once").containsExactly(200L, 250L);
        loop.wakeUp();
        running.get(1).tryEmitValue(false);
        assertThat(passes)
                .as("this one ended at once: it waits for the spacing")
                .containsExactly(200L, 250L);
        time.advanceTimeBy(Duration.ofMillis(20));
        assertThat(passes).containsExactly(200L, 250L, 270L);
    }

    @Test
    void underAStreamOfWokenPassesTheGaugesAreCountedOnceASecondOfTheLoopsClock() {
        GaugeCountPace gauges = new GaugeCountPace(200, Duration.ofSeconds(1), time);
        List<Long> counts = new ArrayList<>();
        loop = spacedLoop(() -> {
            long now = time.now(TimeUnit.MILLISECONDS);
            passes.add(now);
            // each pass publishes the one event it claimed, as under a stream of commits
            if (gauges.countAfter(1, 1)) {
                gauges.counted();
                counts.add(now);
            }
            return Mono.just(true);
        });
        loop.start();

        // a commit every 5 ms for 3 s
        for (int ms = 0; ms < 3000; ms += 5) {
            loop.wakeUp();
            time.advanceTimeBy(Duration.ofMillis(5));
        }

        assertThat(passes).as("a pass per spacing").hasSizeGreaterThan(100);
        assertThat(counts).as("the first pass counts, then one pass a second").containsExactly(0L, 1000L, 2000L, 3000L);
    }

    private RelayLoop newLoop(Supplier<Mono<Boolean>> pass) {
        return new RelayLoop(pass, BUSY, IDLE, Duration.ZERO, time);
    }

    private RelayLoop spacedLoop(Supplier<Mono<Boolean>> pass) {
        return new RelayLoop(pass, BUSY, IDLE, SPACING, time);
    }

    /** A pass that records its start and stays open until the test answers its sink (added to {@code running}). */
    private Supplier<Mono<Boolean>> heldOpenUntilAnswered(List<Sinks.One<Boolean>> running) {
        return () -> {
            passes.add(time.now(TimeUnit.MILLISECONDS));
            Sinks.One<Boolean> pass = Sinks.one();
            running.add(pass);
            return pass.asMono();
        };
    }

    private Mono<Boolean> answering() {
        passes.add(time.now(TimeUnit.MILLISECONDS));
        return Mono.just(!answers.isEmpty() && answers.poll());
    }
}

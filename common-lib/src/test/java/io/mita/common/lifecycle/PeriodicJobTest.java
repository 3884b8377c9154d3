package io.mita.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The ticks run on virtual time: no test here waits. */
class PeriodicJobTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final List<String> happened = new ArrayList<>();
    private TestJob job;

    @AfterEach
    void stop() {
        if (job != null) {
            job.stop();
        }
        time.dispose();
    }

    @Test
    void theFirstRunComesAfterTheFirstDelayThenOnePerInterval() {
        job = new TestJob(
                Duration.ofMinutes(5), Duration.ofHours(1), () -> Mono.fromRunnable(() -> happened.add("run")));
        job.start();

        time.advanceTimeBy(Duration.ofMinutes(4));
        assertThat(happened).isEmpty();
        time.advanceTimeBy(Duration.ofMinutes(1));
        assertThat(happened).containsExactly("run");
        time.advanceTimeBy(Duration.ofHours(2));
        assertThat(happened).containsExactly("run", "run", "run");
        assertThat(job.isRunning()).isTrue();
    }

    @Test
    void aFailedRunIsHandedToTheJobAndTheNextTickRunsAgain() {
        AtomicInteger runs = new AtomicInteger();
        job = new TestJob(
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                () -> runs.incrementAndGet() == 1
                        ? Mono.error(new IllegalStateException("database away"))
                        : Mono.fromRunnable(() -> happened.add("run")));
        job.start();

        time.advanceTimeBy(Duration.ofSeconds(20));

        assertThat(job.failures).extracting(Throwable::getMessage).containsExactly("database away");
        assertThat(happened).containsExactly("run");
        assertThat(job.isRunning()).isTrue();
    }

    @Test
    void aRunThatThrowsInsteadOfAnsweringIsAFailureLikeAnyOther() {
        AtomicInteger runs = new AtomicInteger();
        job = new TestJob(Duration.ofSeconds(10), Duration.ofSeconds(10), () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalArgumentException("bad row");
            }
            return Mono.fromRunnable(() -> happened.add("run"));
        });
        job.start();

        time.advanceTimeBy(Duration.ofSeconds(20));

        assertThat(job.failures).extracting(Throwable::getMessage).containsExactly("bad row");
        assertThat(happened).containsExactly("run");
    }

    @Test
    void runsNeverOverlapAndTicksDuringASlowRunLeaveAtMostOneMore() {
        List<Sinks.Empty<Void>> runs = new ArrayList<>();
        job = new TestJob(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
            Sinks.Empty<Void> run = Sinks.empty();
            runs.add(run);
            return run.asMono();
        });
        job.start();

        time.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(runs).as("one run going, the ticks meanwhile not started").hasSize(1);

        runs.get(0).tryEmitEmpty();
        assertThat(runs).as("one tick waited for it").hasSize(2);
        runs.get(1).tryEmitEmpty();
        assertThat(runs).as("the other ticks were dropped").hasSize(2);

        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(runs).hasSize(3);
    }

    @Test
    void whatRunsBeforeTheFirstRunRunsOnceAtStart() {
        job = new TestJob(
                Duration.ofSeconds(30), Duration.ofSeconds(30), () -> Mono.fromRunnable(() -> happened.add("run")));
        job.before = Mono.fromRunnable(() -> happened.add("before"));
        job.start();
        assertThat(happened).containsExactly("before");

        time.advanceTimeBy(Duration.ofSeconds(60));

        assertThat(happened).containsExactly("before", "run", "run");
    }

    @Test
    void stoppingEndsTheRunsAndStartingTwiceRunsOneLoop() {
        job = new TestJob(
                Duration.ofSeconds(1), Duration.ofSeconds(1), () -> Mono.fromRunnable(() -> happened.add("run")));
        job.start();
        job.start();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(happened).containsExactly("run");

        job.stop();
        time.advanceTimeBy(Duration.ofSeconds(5));

        assertThat(job.isRunning()).isFalse();
        assertThat(happened).containsExactly("run");
    }

    @Test
    void aWakeUpRunsAtOnceWithoutWaitingForTheNextTick() {
        job = new TestJob(Duration.ofHours(1), Duration.ofHours(1), () -> Mono.fromRunnable(() -> happened.add("run")));
        job.start();

        job.wakeUp();

        assertThat(happened).containsExactly("run");
        time.advanceTimeBy(Duration.ofHours(1));
        assertThat(happened).containsExactly("run", "run");
    }

    @Test
    void wakeUpsDuringARunLeaveAtMostOneMoreAndAStoppedJobIgnoresThem() {
        List<Sinks.Empty<Void>> runs = new ArrayList<>();
        job = new TestJob(Duration.ofHours(1), Duration.ofHours(1), () -> {
            Sinks.Empty<Void> run = Sinks.empty();
            runs.add(run);
            return run.asMono();
        });
        job.start();
        job.wakeUp();
        job.wakeUp();
        job.wakeUp();
        assertThat(runs).hasSize(1);

        runs.get(0).tryEmitEmpty();
        runs.get(1).tryEmitEmpty();
        assertThat(runs).as("one wake-up waited, the others were dropped").hasSize(2);

        job.stop();
        job.wakeUp();
        assertThat(runs).hasSize(2);
    }

    private final class TestJob extends PeriodicJob {

        private final Supplier<Mono<?>> run;
        final List<Throwable> failures = new ArrayList<>();
        Mono<Void> before = Mono.empty();

        TestJob(Duration firstRun, Duration interval, Supplier<Mono<?>> run) {
            super(firstRun, interval, time);
            this.run = run;
        }

        @Override
        protected Mono<?> runOnce() {
            return run.get();
        }

        @Override
        protected void failed(Throwable failure) {
            failures.add(failure);
        }

        @Override
        protected Mono<Void> beforeFirstRun() {
            return before;
        }
    }
}

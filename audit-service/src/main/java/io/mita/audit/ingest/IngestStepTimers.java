package io.mita.audit.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How long each step of ingest takes ({@value #NAME}, tag {@code step}): the listener reading and masking a batch
 * ({@code read}) and the steps of the chain writer's transaction: where ingest time goes (bench/RESULTS.md, "Audit
 * log"). Read at {@code /actuator/prometheus}.
 */
@Component
class IngestStepTimers {

    static final String NAME = "mita.audit.ingest.step";

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    IngestStepTimers(MeterRegistry meters) {
        this.meters = meters;
    }

    /** {@code work}, timed from subscription to its completion (or error) under {@code step}. */
    <T> Mono<T> time(String step, Mono<T> work) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return work.doFinally(signal -> timer(step).record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        });
    }

    void record(String step, long nanos) {
        timer(step).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String step) {
        return timers.computeIfAbsent(
                step,
                name -> Timer.builder(NAME)
                        .description(
                                "one step of audit ingest: reading a batch, or a step of the chain writer's transaction")
                        .tag("step", name)
                        .register(meters));
    }
}

package io.mita.ocr.engine;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.mita.ocr.engine.OcrEngineException.Kind;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * An engine behind a bulkhead (at most as many images at once as there are cores), a per-image timeout
 * (a Resilience4j time limiter) that cancels (and so kills) the engine's work, and a circuit breaker that opens when the engine keeps
 * failing or hanging. While the breaker is open {@link #unavailableFor()} says for how long, so uploads can
 * answer 503 with {@code Retry-After} at once and workers leave their jobs queued.
 */
public class GuardedOcrEngine implements Recognition {

    private final ReceiptOcrEngine engine;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final TimeLimiter timeLimiter;
    private final Duration waitInOpenState;
    private final Scheduler scheduler;
    private final Clock clock;
    private final AtomicReference<Instant> openedAt = new AtomicReference<>();

    public GuardedOcrEngine(
            ReceiptOcrEngine engine,
            CircuitBreaker breaker,
            Bulkhead bulkhead,
            Duration timeout,
            Duration waitInOpenState,
            Scheduler scheduler,
            Clock clock) {
        this(engine, breaker, bulkhead, timeLimiter(engine, timeout), waitInOpenState, scheduler, clock);
    }

    public GuardedOcrEngine(
            ReceiptOcrEngine engine,
            CircuitBreaker breaker,
            Bulkhead bulkhead,
            TimeLimiter timeLimiter,
            Duration waitInOpenState,
            Scheduler scheduler,
            Clock clock) {
        this.engine = engine;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.timeLimiter = timeLimiter;
        this.waitInOpenState = waitInOpenState;
        this.scheduler = scheduler;
        this.clock = clock;
        breaker.getEventPublisher().onStateTransition(event -> {
            switch (event.getStateTransition().getToState()) {
                case OPEN, FORCED_OPEN -> openedAt.set(clock.instant());
                default -> openedAt.set(null);
            }
        });
    }

    /** A time limiter of its own for an engine (cancels the running read). */
    public static TimeLimiter timeLimiter(ReceiptOcrEngine engine, Duration timeout) {
        return TimeLimiter.of(
                engine.name(),
                TimeLimiterConfig.custom()
                        .timeoutDuration(timeout)
                        .cancelRunningFuture(true)
                        .build());
    }

    /** Reads an image on the OCR scheduler, guarded; failures are {@link OcrEngineException}s or the guards' own. */
    @Override
    public Mono<OcrText> read(BufferedImage image) {
        return Mono.defer(() -> engine.read(image))
                .subscribeOn(scheduler)
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .onErrorMap(
                        TimeoutException.class,
                        timedOut -> new OcrEngineException(
                                Kind.TIMEOUT,
                                engine.name() + " took longer than "
                                        + timeLimiter.getTimeLimiterConfig().getTimeoutDuration() + " and was stopped",
                                timedOut))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(BulkheadOperator.of(bulkhead));
    }

    /** How long the breaker stays open from now (at least a second); empty while it lets calls through. */
    @Override
    public Optional<Duration> unavailableFor() {
        CircuitBreaker.State state = breaker.getState();
        if (state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN) {
            return Optional.empty();
        }
        Instant since = openedAt.get();
        Duration left =
                since == null ? waitInOpenState : waitInOpenState.minus(Duration.between(since, clock.instant()));
        return Optional.of(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    public String engineName() {
        return engine.name();
    }
}

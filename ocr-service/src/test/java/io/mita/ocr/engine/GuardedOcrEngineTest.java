package io.mita.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The guards around an engine, with in-memory engines that hang or answer. */
class GuardedOcrEngineTest {

    private static final BufferedImage IMAGE = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);

    private final Scheduler scheduler = Schedulers.newBoundedElastic(2, 10, "test-ocr");
    private final AtomicInteger cancelled = new AtomicInteger();

    /** An engine that never answers (a hung Tesseract), counting how often it is stopped. */
    private final ReceiptOcrEngine hanging = new ReceiptOcrEngine() {
        @Override
        public Mono<OcrText> read(BufferedImage image) {
            return Mono.<OcrText>never().doOnCancel(cancelled::incrementAndGet);
        }

        @Override
        public String name() {
            return "hanging";
        }
    };

    @AfterEach
    void tearDown() {
        scheduler.dispose();
    }

    @Test
    void aHangingEngineTimesOutAndIsStopped() {
        GuardedOcrEngine engine = guarded(hanging, breaker(), bulkhead(2));

        StepVerifier.create(engine.read(IMAGE))
                .expectErrorSatisfies(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                OcrEngineException.class,
                                timeout -> assertThat(timeout.kind()).isEqualTo(OcrEngineException.Kind.TIMEOUT)))
                .verify(Duration.ofSeconds(10));
        assertThat(cancelled).hasValue(1);
    }

    @Test
    void repeatedTimeoutsOpenTheCircuitAndThenCallsAreRefusedAtOnce() {
        CircuitBreaker breaker = breaker();
        GuardedOcrEngine engine = guarded(hanging, breaker, bulkhead(2));
        assertThat(engine.unavailableFor()).isEmpty();

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(engine.read(IMAGE))
                    .expectError(OcrEngineException.class)
                    .verify(Duration.ofSeconds(10));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long started = System.nanoTime();
        StepVerifier.create(engine.read(IMAGE))
                .expectError(CallNotPermittedException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(engine.unavailableFor())
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    @Test
    void theBulkheadLetsNoMoreImagesThroughThanItHasPermits() {
        GuardedOcrEngine engine = guarded(hanging, breaker(), bulkhead(1));
        engine.read(IMAGE).subscribe(ok -> {}, failure -> {});

        StepVerifier.create(engine.read(IMAGE))
                .expectError(BulkheadFullException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aWorkingEngineAnswersThroughTheGuards() {
        ReceiptOcrEngine working = new ReceiptOcrEngine() {
            @Override
            public Mono<OcrText> read(BufferedImage image) {
                return Mono.just(new OcrText(List.of(new OcrLine("TOTAL 1.00", 90, 0))));
            }

            @Override
            public String name() {
                return "working";
            }
        };

        StepVerifier.create(guarded(working, breaker(), bulkhead(2)).read(IMAGE))
                .assertNext(text -> assertThat(text.plain()).isEqualTo("TOTAL 1.00"))
                .verifyComplete();
    }

    private GuardedOcrEngine guarded(ReceiptOcrEngine engine, CircuitBreaker breaker, Bulkhead bulkhead) {
        return new GuardedOcrEngine(
                engine,
                breaker,
                bulkhead,
                Duration.ofMillis(300),
                Duration.ofSeconds(30),
                scheduler,
                Clock.systemUTC());
    }

    private static CircuitBreaker breaker() {
        return CircuitBreaker.of(
                "test",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(6)
                        .minimumNumberOfCalls(3)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(30))
                        .recordExceptions(OcrEngineException.class)
                        .build());
    }

    private static Bulkhead bulkhead(int permits) {
        return Bulkhead.of(
                "test",
                BulkheadConfig.custom()
                        .maxConcurrentCalls(permits)
                        .maxWaitDuration(Duration.ZERO)
                        .build());
    }
}

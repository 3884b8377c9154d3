package io.mita.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The Cloud Vision engine behind its own breaker and time limiter (against the local fake of the API), and
 * local Tesseract's place behind it: taken when the cloud fails, not taken when it answers.
 */
class CloudFirstRecognitionTest {

    private static final BufferedImage IMAGE = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);

    private final FakeVision vision = new FakeVision();
    private final Scheduler scheduler = Schedulers.newBoundedElastic(2, 10, "test-ocr");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CircuitBreaker cloudBreaker = breaker("cloud");
    private final CircuitBreaker localBreaker = breaker("local");

    /** Stands in for local Tesseract (its own tests run the real one). */
    private final ReceiptOcrEngine local = new ReceiptOcrEngine() {
        @Override
        public Mono<OcrText> read(BufferedImage image) {
            return Mono.just(new OcrText(List.of(new OcrLine("READ LOCALLY", 90, 0))));
        }

        @Override
        public String name() {
            return "local";
        }
    };

    @AfterEach
    void stop() {
        vision.close();
        scheduler.dispose();
    }

    @Test
    void aSlowAnswerIsCutByTheTimeLimiterAndCountsAsATimeout() {
        vision.answer(200, FakeVision.receiptAnswer(), Duration.ofSeconds(5));

        StepVerifier.create(cloud(Duration.ofMillis(300)).read(IMAGE))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(OcrEngineException.class, timeout -> {
                    assertThat(timeout.kind()).isEqualTo(OcrEngineException.Kind.TIMEOUT);
                    assertThat(timeout.getMessage()).startsWith("google-vision took longer than PT0.3S");
                }))
                .verify(Duration.ofSeconds(4));
        assertThat(cloudBreaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void repeatedFailuresOpenTheCloudCircuitAndThenTheApiIsNotCalled() {
        vision.answer(500, "{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\"}}");
        GuardedOcrEngine cloud = cloud(Duration.ofSeconds(10));

        for (int i = 0; i < 3; i++) {
            StepVerifier.create(cloud.read(IMAGE))
                    .expectError(OcrEngineException.class)
                    .verify(Duration.ofSeconds(30));
        }

        assertThat(cloudBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        StepVerifier.create(cloud.read(IMAGE))
                .expectError(CallNotPermittedException.class)
                .verify(Duration.ofSeconds(30));
        assertThat(vision.received()).hasSize(3);
        assertThat(cloud.unavailableFor()).isPresent();
    }

    @Test
    void aFailingCloudIsReplacedByTheLocalEngineAndTheFallbackIsCounted() {
        vision.answer(401, "{\"error\":{\"code\":401,\"message\":\"API key not valid.\"}}");
        Recognition recognition =
                new CloudFirstRecognition(cloud(Duration.ofSeconds(10)), Optional.of(guardedLocal()), meters);

        StepVerifier.create(recognition.read(IMAGE))
                .assertNext(text -> assertThat(text.plain()).isEqualTo("READ LOCALLY"))
                .verifyComplete();

        assertThat(meters.get("mita.ocr.fallbacks")
                        .tag("reason", "ENGINE_ERROR")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anAnsweringCloudIsNotReplaced() {
        vision.answer(200, FakeVision.receiptAnswer());
        Recognition recognition =
                new CloudFirstRecognition(cloud(Duration.ofSeconds(10)), Optional.of(guardedLocal()), meters);

        StepVerifier.create(recognition.read(IMAGE))
                .assertNext(text -> assertThat(text.plain()).startsWith("TESCO"))
                .verifyComplete();
        assertThat(meters.find("mita.ocr.fallbacks").counter()).isNull();
    }

    @Test
    void withoutAFallbackACloudFailureIsTheImagesFailure() {
        vision.answer(502, "");
        Recognition recognition = new CloudFirstRecognition(cloud(Duration.ofSeconds(10)), Optional.empty(), meters);

        StepVerifier.create(recognition.read(IMAGE))
                .expectErrorSatisfies(e ->
                        assertThat(e).isInstanceOf(OcrEngineException.class).hasMessageContaining("HTTP 502"))
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void anOpenCloudCircuitMakesReceiptsUnavailableOnlyWhenNothingElseCanReadThem() {
        GuardedOcrEngine cloud = cloud(Duration.ofSeconds(10));
        GuardedOcrEngine guardedLocal = guardedLocal();
        Recognition withFallback = new CloudFirstRecognition(cloud, Optional.of(guardedLocal), meters);
        Recognition withoutFallback = new CloudFirstRecognition(cloud, Optional.empty(), meters);
        assertThat(withFallback.unavailableFor()).isEmpty();
        assertThat(withoutFallback.unavailableFor()).isEmpty();

        cloudBreaker.transitionToOpenState();

        assertThat(withoutFallback.unavailableFor())
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60)));
        assertThat(withFallback.unavailableFor())
                .as("local Tesseract still reads")
                .isEmpty();
        StepVerifier.create(withFallback.read(IMAGE))
                .assertNext(text -> assertThat(text.plain()).isEqualTo("READ LOCALLY"))
                .verifyComplete();
        assertThat(meters.get("mita.ocr.fallbacks")
                        .tag("reason", "CIRCUIT_OPEN")
                        .counter()
                        .count())
                .isEqualTo(1);

        localBreaker.transitionToOpenState();

        assertThat(withFallback.unavailableFor()).isPresent();
        assertThat(vision.received()).isEmpty();
    }

    private GuardedOcrEngine cloud(Duration timeout) {
        GoogleVisionOcrEngine engine = GoogleVisionOcrEngineTest.engine(vision.endpoint(), "key", null);
        return new GuardedOcrEngine(
                engine,
                cloudBreaker,
                Bulkhead.ofDefaults("cloud"),
                GuardedOcrEngine.timeLimiter(engine, timeout),
                Duration.ofSeconds(60),
                scheduler,
                Clock.systemUTC());
    }

    private GuardedOcrEngine guardedLocal() {
        return new GuardedOcrEngine(
                local,
                localBreaker,
                Bulkhead.ofDefaults("local"),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                scheduler,
                Clock.systemUTC());
    }

    private static CircuitBreaker breaker(String name) {
        return CircuitBreaker.of(
                name,
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(6)
                        .minimumNumberOfCalls(3)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(60))
                        .recordExceptions(OcrEngineException.class)
                        .build());
    }
}

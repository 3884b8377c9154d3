package io.mita.ocr.config;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.ocr.engine.CloudFirstRecognition;
import io.mita.ocr.engine.GoogleVisionOcrEngine;
import io.mita.ocr.engine.GuardedOcrEngine;
import io.mita.ocr.engine.OcrEngineException;
import io.mita.ocr.engine.ReceiptOcrEngine;
import io.mita.ocr.engine.Recognition;
import io.mita.ocr.engine.TesseractLibraryEngine;
import io.mita.ocr.engine.TesseractOcrEngine;
import io.mita.ocr.extraction.ReceiptExtractor;
import io.mita.ocr.image.ImageInspector;
import io.mita.ocr.image.Preprocessing;
import io.mita.ocr.processing.ReceiptReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** The OCR pipeline's parts, built from {@link OcrProperties}. */
@Configuration(proxyBeanMethods = false)
class OcrConfiguration {

    static final String ENGINE = "ocr-engine";
    static final String CLOUD_ENGINE = "ocr-cloud-engine";

    private static final Logger log = LoggerFactory.getLogger(OcrConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ImageInspector imageInspector(OcrProperties properties) {
        return new ImageInspector(
                properties.upload().maxPixels(), properties.upload().minSide());
    }

    @Bean
    Preprocessing preprocessing(OcrProperties properties) {
        return new Preprocessing(properties.preprocessing());
    }

    @Bean
    ReceiptExtractor receiptExtractor(OcrProperties properties) {
        return new ReceiptExtractor(properties.defaultCurrency());
    }

    /**
     * The threads engine calls wait on (a Tesseract process, a cloud request): as many as the bulkhead lets
     * through, never the event loop.
     */
    @Bean(destroyMethod = "dispose")
    Scheduler ocrScheduler(OcrProperties properties) {
        int threads = properties.engine().effectiveConcurrency();
        return Schedulers.newBoundedElastic(threads, 1000, "ocr");
    }

    /**
     * The threads images are decoded and prepared on, apart from the engine's. On one shared pool of as many
     * threads as engine calls, a job's preparation queued behind the other job's blocking engine call (and
     * the other way round), so two receipts at once ran barely faster than one (bench/RESULTS.md, OCR).
     */
    @Bean(destroyMethod = "dispose")
    Scheduler ocrPreparationScheduler(OcrProperties properties) {
        int threads = properties.engine().effectiveConcurrency();
        return Schedulers.newBoundedElastic(threads, 1000, "ocr-prepare");
    }

    @Bean
    @ConditionalOnMissingBean(ReceiptOcrEngine.class)
    ReceiptOcrEngine receiptOcrEngine(OcrProperties properties) {
        OcrProperties.Engine engine = properties.engine();
        return tesseract(
                engine,
                () -> new TesseractLibraryEngine(engine.language(), engine.pageSegmentation(), engine.timeout()));
    }

    /**
     * The binding configured; {@code library} falls back to the command, with a warning, where libtesseract (or
     * JNA's native part) cannot be loaded, so a host with only the command installed still reads receipts.
     */
    static ReceiptOcrEngine tesseract(OcrProperties.Engine engine, Supplier<ReceiptOcrEngine> library) {
        if (engine.binding() == OcrProperties.Binding.LIBRARY) {
            try {
                ReceiptOcrEngine inProcess = library.get();
                log.info("Tesseract in process (libtesseract through JNA), language {}", engine.language());
                return inProcess;
            } catch (LinkageError unavailable) {
                log.warn(
                        "libtesseract cannot be loaded in process ({}); reading receipts with the tesseract command",
                        unavailable.toString());
            }
        }
        return new TesseractOcrEngine(
                engine.command(),
                engine.language(),
                engine.pageSegmentation(),
                engine.timeout(),
                engine.workDirectory());
    }

    @Bean
    CircuitBreaker ocrCircuitBreaker(OcrProperties properties, MeterRegistry meters) {
        return circuitBreaker(ENGINE, properties.breaker(), meters);
    }

    private static CircuitBreaker circuitBreaker(String name, OcrProperties.Breaker breaker, MeterRegistry meters) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindow())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .slowCallDurationThreshold(breaker.slowCallThreshold())
                .slowCallRateThreshold(100)
                .waitDurationInOpenState(breaker.waitInOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(OcrEngineException.class)
                .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry.circuitBreaker(name);
    }

    @Bean
    Bulkhead ocrBulkhead(OcrProperties properties, MeterRegistry meters) {
        return bulkhead(ENGINE, properties, meters);
    }

    private static Bulkhead bulkhead(String name, OcrProperties properties, MeterRegistry meters) {
        BulkheadRegistry registry = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.engine().effectiveConcurrency())
                .maxWaitDuration(Duration.ZERO)
                .build());
        TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
        return registry.bulkhead(name);
    }

    /** Local Tesseract behind its guards: the engine, or the cloud engine's fallback. */
    @Bean
    GuardedOcrEngine localOcrEngine(
            ReceiptOcrEngine engine,
            CircuitBreaker ocrCircuitBreaker,
            Bulkhead ocrBulkhead,
            @Qualifier("ocrScheduler") Scheduler ocrScheduler,
            OcrProperties properties,
            Clock clock) {
        return new GuardedOcrEngine(
                engine,
                ocrCircuitBreaker,
                ocrBulkhead,
                properties.engine().timeout(),
                properties.breaker().waitInOpenState(),
                ocrScheduler,
                clock);
    }

    /**
     * What reads receipts: local Tesseract, or (provider {@code google-vision}) Cloud Vision behind its own
     * breaker ({@value #CLOUD_ENGINE}), time limiter and bulkhead, falling back to local Tesseract.
     */
    @Bean
    @Primary
    Recognition recognition(
            GuardedOcrEngine localOcrEngine,
            @Qualifier("ocrScheduler") Scheduler ocrScheduler,
            OcrProperties properties,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock) {
        if (properties.engine().provider() != OcrProperties.Provider.GOOGLE_VISION) {
            return localOcrEngine;
        }
        OcrProperties.GoogleVision vision = properties.googleVision();
        GoogleVisionOcrEngine engine = new GoogleVisionOcrEngine(
                GoogleVisionOcrEngine.client(
                        vision.endpoint(), vision.apiKey(), vision.bearerToken(), vision.connectTimeout()),
                json,
                vision.feature(),
                vision.languageHints());
        TimeLimiterRegistry limiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(vision.timeout())
                .cancelRunningFuture(true)
                .build());
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(limiters).bindTo(meters);
        GuardedOcrEngine cloud = new GuardedOcrEngine(
                engine,
                circuitBreaker(CLOUD_ENGINE, vision.breaker(), meters),
                bulkhead(CLOUD_ENGINE, properties, meters),
                limiters.timeLimiter(CLOUD_ENGINE),
                vision.breaker().waitInOpenState(),
                ocrScheduler,
                clock);
        log.info(
                "OCR engine: google-vision at {} ({}), fallback to tesseract {}",
                vision.endpoint(),
                vision.feature(),
                vision.fallback() ? "on" : "off");
        return new CloudFirstRecognition(
                cloud, vision.fallback() ? Optional.of(localOcrEngine) : Optional.empty(), meters);
    }

    @Bean
    ReceiptReader receiptReader(
            Preprocessing preprocessing,
            Recognition recognition,
            ReceiptExtractor extractor,
            @Qualifier("ocrPreparationScheduler") Scheduler ocrPreparationScheduler) {
        return new ReceiptReader(preprocessing, recognition, extractor, ocrPreparationScheduler);
    }
}

package io.mita.ocr.config;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.ocr.engine.GuardedOcrEngine;
import io.mita.ocr.engine.OcrEngineException;
import io.mita.ocr.engine.ReceiptOcrEngine;
import io.mita.ocr.engine.TesseractOcrEngine;
import io.mita.ocr.extraction.ReceiptExtractor;
import io.mita.ocr.image.ImageInspector;
import io.mita.ocr.image.Preprocessing;
import io.mita.ocr.processing.ReceiptReader;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The OCR pipeline's parts, built from {@link OcrProperties}. */
@Configuration(proxyBeanMethods = false)
class OcrConfiguration {

    static final String ENGINE = "ocr-engine";

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

    /** The threads OCR work runs on: as many as the bulkhead lets through, never the event loop. */
    @Bean(destroyMethod = "dispose")
    Scheduler ocrScheduler(OcrProperties properties) {
        int threads = properties.engine().effectiveConcurrency();
        return Schedulers.newBoundedElastic(threads, 1000, "ocr");
    }

    @Bean
    @ConditionalOnMissingBean(ReceiptOcrEngine.class)
    ReceiptOcrEngine receiptOcrEngine(OcrProperties properties) {
        OcrProperties.Engine engine = properties.engine();
        return new TesseractOcrEngine(
                engine.command(),
                engine.language(),
                engine.pageSegmentation(),
                engine.timeout(),
                engine.workDirectory());
    }

    @Bean
    CircuitBreaker ocrCircuitBreaker(OcrProperties properties, MeterRegistry meters) {
        OcrProperties.Breaker breaker = properties.breaker();
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
        return registry.circuitBreaker(ENGINE);
    }

    @Bean
    Bulkhead ocrBulkhead(OcrProperties properties, MeterRegistry meters) {
        BulkheadRegistry registry = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.engine().effectiveConcurrency())
                .maxWaitDuration(Duration.ZERO)
                .build());
        TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
        return registry.bulkhead(ENGINE);
    }

    @Bean
    GuardedOcrEngine guardedOcrEngine(
            ReceiptOcrEngine engine,
            CircuitBreaker ocrCircuitBreaker,
            Bulkhead ocrBulkhead,
            Scheduler ocrScheduler,
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

    @Bean
    ReceiptReader receiptReader(
            Preprocessing preprocessing, GuardedOcrEngine engine, ReceiptExtractor extractor, Scheduler ocrScheduler) {
        return new ReceiptReader(preprocessing, engine, extractor, ocrScheduler);
    }
}

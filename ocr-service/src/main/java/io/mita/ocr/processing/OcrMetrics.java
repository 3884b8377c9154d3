package io.mita.ocr.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The pipeline's metrics: {@code mita.ocr.processing} (time per image by outcome, histogram),
 * {@code mita.ocr.confidence} (receipt confidence, histogram), {@code mita.ocr.errors} (by kind),
 * {@code mita.ocr.queue.depth} (queued jobs) and {@code mita.ocr.in.flight}. The circuit breaker's state is
 * {@code resilience4j.circuitbreaker.state{name="ocr-engine"}} (Resilience4j's own meters).
 */
@Component
class OcrMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary confidence;
    private final AtomicLong queueDepth = new AtomicLong();

    OcrMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.confidence = DistributionSummary.builder("mita.ocr.confidence")
                .description("Confidence of each processed receipt (mean of merchant, date and total), 0 to 1")
                .serviceLevelObjectives(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
                .register(registry);
        Gauge.builder("mita.ocr.queue.depth", queueDepth, AtomicLong::get)
                .description("OCR jobs queued (due or waiting for a retry)")
                .register(registry);
    }

    void processed(Duration took, double receiptConfidence) {
        timer("processed").record(took);
        confidence.record(receiptConfidence);
    }

    void failed(Duration took, String kind) {
        timer("failed").record(took);
        error(kind);
    }

    void retried(Duration took, String kind) {
        timer("retried").record(took);
        error(kind);
    }

    void error(String kind) {
        Counter.builder("mita.ocr.errors")
                .description("OCR failures by kind")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    void queueDepth(long depth) {
        queueDepth.set(depth);
    }

    void inFlight(AtomicLong inFlight) {
        Gauge.builder("mita.ocr.in.flight", inFlight, AtomicLong::get)
                .description("Images being read right now")
                .register(registry);
    }

    private Timer timer(String outcome) {
        return Timer.builder("mita.ocr.processing")
                .description("Time from claiming an OCR job to its result")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }
}

package io.mita.ocr.engine;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The cloud engine first, behind its own guards (circuit breaker, time limiter, bulkhead), and local
 * Tesseract behind its guards when the cloud fails, times out or its circuit is open — or no fallback, when
 * configured so (then a cloud failure is the image's failure, retried by the job queue). Every image the
 * fallback reads is counted in {@code mita.ocr.fallbacks{reason}}.
 */
public class CloudFirstRecognition implements Recognition {

    private static final Logger log = LoggerFactory.getLogger(CloudFirstRecognition.class);

    private final GuardedOcrEngine cloud;
    private final Optional<GuardedOcrEngine> fallback;
    private final MeterRegistry meters;

    public CloudFirstRecognition(GuardedOcrEngine cloud, Optional<GuardedOcrEngine> fallback, MeterRegistry meters) {
        this.cloud = cloud;
        this.fallback = fallback;
        this.meters = meters;
    }

    @Override
    public Mono<OcrText> read(BufferedImage image) {
        if (fallback.isEmpty()) {
            return cloud.read(image);
        }
        GuardedOcrEngine local = fallback.get();
        return cloud.read(image).onErrorResume(failure -> {
            String reason = reason(failure);
            if (failure instanceof CallNotPermittedException) {
                log.debug("{} circuit open, reading with {}", cloud.engineName(), local.engineName());
            } else {
                log.info(
                        "{} failed ({}), reading with {}: {}",
                        cloud.engineName(),
                        reason,
                        local.engineName(),
                        failure.getMessage());
            }
            Counter.builder("mita.ocr.fallbacks")
                    .description("Images read by the local engine because the cloud engine failed, by reason")
                    .tag("reason", reason)
                    .register(meters)
                    .increment();
            return local.read(image);
        });
    }

    /**
     * Unavailable only when nothing can read: the cloud's circuit is open and there is no fallback or the
     * fallback's circuit is open too (then for the shorter of the two waits).
     */
    @Override
    public Optional<Duration> unavailableFor() {
        Optional<Duration> cloudWait = cloud.unavailableFor();
        if (cloudWait.isEmpty() || fallback.isEmpty()) {
            return cloudWait;
        }
        return fallback.get()
                .unavailableFor()
                .map(localWait -> localWait.compareTo(cloudWait.get()) < 0 ? localWait : cloudWait.get());
    }

    static String reason(Throwable failure) {
        if (failure instanceof OcrEngineException engine) {
            return engine.kind() == OcrEngineException.Kind.TIMEOUT ? "TIMEOUT" : "ENGINE_ERROR";
        }
        if (failure instanceof CallNotPermittedException) {
            return "CIRCUIT_OPEN";
        }
        if (failure instanceof BulkheadFullException) {
            return "BULKHEAD_FULL";
        }
        return "INTERNAL";
    }
}

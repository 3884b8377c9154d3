package io.mita.ocr.config;

import io.mita.ocr.image.Preprocessing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** ocr-service's settings ({@code mita.ocr.*}); every default is in application.yml. */
@ConfigurationProperties("mita.ocr")
public record OcrProperties(
        Upload upload,
        Engine engine,
        Breaker breaker,
        Jobs jobs,
        Set<Preprocessing.Step> preprocessing,
        String defaultCurrency) {

    /** @param maxSize largest accepted file; maxPixels largest width × height; minSide smallest side in pixels */
    public record Upload(DataSize maxSize, long maxPixels, int minSide) {}

    /**
     * @param command the Tesseract executable and leading arguments
     * @param concurrency images at once (the bulkhead); 0 = one per available processor
     * @param timeout per image; the engine process is killed after it
     */
    public record Engine(
            List<String> command,
            String language,
            int pageSegmentation,
            Duration timeout,
            int concurrency,
            Path workDirectory) {

        public int effectiveConcurrency() {
            return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        }
    }

    /** The circuit breaker around the engine (count-based window). */
    public record Breaker(
            int slidingWindow,
            int minimumCalls,
            float failureRateThreshold,
            Duration slowCallThreshold,
            Duration waitInOpenState) {}

    /**
     * @param lease how long a claimed job belongs to its worker (longer than the engine timeout)
     * @param maxAttempts attempts before the receipt is FAILED
     */
    public record Jobs(
            boolean enabled,
            Duration pollInterval,
            Duration lease,
            int maxAttempts,
            Duration initialBackOff,
            Duration maxBackOff) {}
}

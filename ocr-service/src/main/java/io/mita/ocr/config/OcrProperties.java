package io.mita.ocr.config;

import io.mita.ocr.engine.GoogleVisionOcrEngine;
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
        String defaultCurrency,
        GoogleVision googleVision) {

    /** Which engine reads receipts ({@code MITA_OCR_ENGINE}). */
    public enum Provider {
        /** the local Tesseract command (default) */
        TESSERACT,
        /** Google Cloud Vision's REST API, with local Tesseract as its fallback unless switched off */
        GOOGLE_VISION
    }

    /** How Tesseract is reached ({@code MITA_OCR_TESSERACT_BINDING}): measured against each other in docs/ocr.md. */
    public enum Binding {
        /** the {@code tesseract} command, one process per image (killed at the timeout) */
        CLI,
        /** libtesseract inside the JVM through JNA, one loaded model per concurrent read */
        LIBRARY
    }

    /** @param maxSize largest accepted file; maxPixels largest width × height; minSide smallest side in pixels */
    public record Upload(DataSize maxSize, long maxPixels, int minSide) {}

    /**
     * @param provider which engine reads receipts (the rest of this record configures Tesseract)
     * @param binding the command or the library in process
     * @param command the Tesseract executable and leading arguments (binding {@code cli})
     * @param concurrency images at once (the bulkhead); 0 = one per available processor
     * @param timeout per image; the engine process is killed after it
     */
    public record Engine(
            Provider provider,
            Binding binding,
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

    /**
     * The Google Cloud Vision engine, used when {@code engine.provider} is {@code google-vision}.
     *
     * @param endpoint the API's base URL ({@code https://vision.googleapis.com}; tests point it at a fake)
     * @param apiKey an API key, sent as {@code X-Goog-Api-Key}; exactly one of it and {@code bearerToken}
     * @param bearerToken an OAuth access token, sent as {@code Authorization: Bearer}
     * @param feature {@code DOCUMENT_TEXT_DETECTION} (words with confidences) or {@code TEXT_DETECTION}
     * @param languageHints BCP-47 codes sent as {@code imageContext.languageHints}; none: Vision detects
     * @param timeout the time limiter: a call taking longer is cancelled and counts as a failure
     * @param connectTimeout TCP connect timeout of the HTTP client
     * @param fallback read with local Tesseract when the cloud fails or its circuit is open
     * @param breaker the cloud engine's own circuit breaker
     */
    public record GoogleVision(
            String endpoint,
            String apiKey,
            String bearerToken,
            GoogleVisionOcrEngine.Feature feature,
            List<String> languageHints,
            Duration timeout,
            Duration connectTimeout,
            boolean fallback,
            Breaker breaker) {

        public GoogleVision {
            languageHints = languageHints == null
                    ? List.of()
                    : languageHints.stream().filter(h -> !h.isBlank()).toList();
        }

        /** Never the key or the token in logs or error pages. */
        @Override
        public String toString() {
            return "GoogleVision[endpoint=" + endpoint + ", feature=" + feature + ", timeout=" + timeout + ", fallback="
                    + fallback + "]";
        }
    }
}

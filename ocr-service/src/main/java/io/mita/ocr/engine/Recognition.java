package io.mita.ocr.engine;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Text recognition as the pipeline uses it: an engine behind its guards ({@link GuardedOcrEngine}), or the
 * cloud engine with local Tesseract as its fallback ({@link CloudFirstRecognition}).
 */
public interface Recognition {

    /** Reads a prepared image; failures are {@link OcrEngineException}s or the guards' own. */
    Mono<OcrText> read(BufferedImage image);

    /**
     * How long no image can be read from now (an open circuit with nothing to fall back on; at least a second);
     * empty while images can be read. Uploads answer 503 with {@code Retry-After} and workers claim nothing
     * while it is present.
     */
    Optional<Duration> unavailableFor();
}

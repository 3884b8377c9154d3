package io.mita.ocr.engine;

import java.awt.image.BufferedImage;
import reactor.core.publisher.Mono;

/**
 * The port to an OCR engine. {@link TesseractOcrEngine} is the real one; the cloud adapter is optional.
 * An implementation may block (the caller subscribes on the OCR scheduler) and must stop its work when
 * the subscription is cancelled (the per-image timeout cancels it).
 */
public interface ReceiptOcrEngine {

    /** Reads the text of a prepared receipt image. */
    Mono<OcrText> read(BufferedImage image);

    /** A short name for metrics and logs ({@code tesseract}, ...). */
    String name();
}

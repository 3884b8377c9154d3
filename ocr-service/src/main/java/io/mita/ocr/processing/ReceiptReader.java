package io.mita.ocr.processing;

import io.mita.ocr.engine.OcrLine;
import io.mita.ocr.engine.OcrText;
import io.mita.ocr.engine.Recognition;
import io.mita.ocr.extraction.Extraction;
import io.mita.ocr.extraction.ReadLine;
import io.mita.ocr.extraction.ReceiptExtractor;
import io.mita.ocr.image.Preprocessing;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The recognition pipeline for one image: decode, prepare ({@link Preprocessing}), OCR through the guarded
 * engine, extract. A read with very low confidence is tried once more turned by 180° (an upside-down
 * photo) and the better read is kept. Decoding and preparing run on their own scheduler (not the engine's, never the event loop).
 */
public class ReceiptReader {

    /** Below this mean word confidence (0–100) the image is also read upside down. */
    static final double UPSIDE_DOWN_SUSPICION = 55;

    private final Preprocessing preprocessing;
    private final Recognition engine;
    private final ReceiptExtractor extractor;
    private final Scheduler scheduler;

    public ReceiptReader(
            Preprocessing preprocessing, Recognition engine, ReceiptExtractor extractor, Scheduler scheduler) {
        this.preprocessing = preprocessing;
        this.engine = engine;
        this.extractor = extractor;
        this.scheduler = scheduler;
    }

    public Mono<Extraction> read(byte[] image, LocalDate today) {
        return text(image).map(text -> extractor.extract(lines(text), today));
    }

    /** The OCR text of an image, after preparation and the upside-down check. */
    public Mono<OcrText> text(byte[] image) {
        return Mono.fromCallable(() -> preprocessing.prepare(Preprocessing.decode(image)))
                .subscribeOn(scheduler)
                .flatMap(prepared -> engine.read(prepared)
                        .flatMap(text -> text.meanConfidence() >= UPSIDE_DOWN_SUSPICION
                                ? Mono.just(text)
                                : Mono.fromCallable(() -> Preprocessing.rotate180(prepared))
                                        .subscribeOn(scheduler)
                                        .flatMap(engine::read)
                                        .map(turned -> score(turned) > score(text) ? turned : text)));
    }

    static List<ReadLine> lines(OcrText text) {
        return text.lines().stream()
                .map((OcrLine line) -> new ReadLine(line.text(), line.confidence() / 100))
                .toList();
    }

    /** More text read with more confidence is the better reading. */
    private static double score(OcrText text) {
        return text.meanConfidence() * Math.sqrt(text.characters());
    }

    /** For the benchmark: the prepared image alone. */
    public BufferedImage prepare(byte[] image) {
        return preprocessing.prepare(Preprocessing.decode(image));
    }
}

package io.mita.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mita.ocr.image.Preprocessing;
import io.mita.ocr.image.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The real libtesseract in process (Debian's libtesseract5 through JNA), on real receipts of the kept set. */
class TesseractLibraryEngineTest {

    @TempDir
    Path work;

    private final TesseractLibraryEngine engine = new TesseractLibraryEngine("eng", 6, Duration.ofSeconds(60));

    @AfterEach
    void freeTheModels() {
        engine.close();
    }

    @Test
    void readsPrintedTextWithItsConfidenceLineByLine() {
        OcrText text = engine.read(TesseractOcrEngineTest.printed("CORNER SHOP", "MILK 1.45", "TOTAL 12.50"))
                .block();

        assertThat(text.lines()).extracting(OcrLine::text).contains("CORNER SHOP", "TOTAL 12.50");
        assertThat(text.meanConfidence()).isGreaterThan(60);
    }

    @Test
    void readsAKeptReceiptAsTheCommandReadsTheSameImage() throws IOException {
        BufferedImage receipt = prepared("receipt-2.jpg");
        TesseractOcrEngine command =
                new TesseractOcrEngine(List.of("tesseract"), "eng", 6, Duration.ofSeconds(60), work);

        OcrText inProcess = engine.read(receipt).block();
        OcrText byCommand = command.read(receipt).block();

        assertThat(inProcess.plain()).contains("21.02");
        assertThat(inProcess.lines()).isEqualTo(byCommand.lines());
    }

    @Test
    void aBlankPageReadsAsNothing() {
        OcrText text = engine.read(TestImages.picture(400, 30)).block();

        assertThat(text.characters()).isZero();
        assertThat(text.meanConfidence()).isZero();
    }

    @Test
    void aReadThatOutlastsTheTimeoutIsStoppedByTesseractsDeadline() throws IOException {
        TesseractLibraryEngine impatient = new TesseractLibraryEngine("eng", 6, Duration.ofMillis(1));
        BufferedImage receipt = prepared("receipt-1.jpg");
        try {
            assertThatThrownBy(() -> impatient.read(receipt).block())
                    .isInstanceOfSatisfying(
                            OcrEngineException.class,
                            e -> assertThat(e.kind()).isEqualTo(OcrEngineException.Kind.TIMEOUT));
        } finally {
            impatient.close();
        }
    }

    @Test
    void aCancelledReadGivesItsModelBackForTheNextRead() throws Exception {
        BufferedImage receipt = prepared("receipt-1.jpg");
        engine.read(receipt).block(); // one model loaded

        Disposable reading =
                engine.read(receipt).subscribeOn(Schedulers.boundedElastic()).subscribe();
        Thread.sleep(50);
        reading.dispose();
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.idleHandles() == 1);
        OcrText next = engine.read(receipt).block();

        assertThat(next.characters()).isPositive();
        assertThat(engine.handles()).as("no second model was loaded").isEqualTo(1);
    }

    @Test
    void twoReadsAtOnceNeverShareAModel() throws IOException {
        BufferedImage first = prepared("receipt-1.jpg");
        BufferedImage second = prepared("receipt-2.jpg");

        List<OcrText> texts = Flux.just(first, second, first, second)
                .flatMap(image -> engine.read(image).subscribeOn(Schedulers.boundedElastic()), 2)
                .collectList()
                .block();

        assertThat(texts)
                .hasSize(4)
                .allSatisfy(text -> assertThat(text.characters()).isPositive());
        assertThat(engine.handles()).isEqualTo(2);
    }

    @Test
    void anUnknownLanguageIsAnEngineError() {
        TesseractLibraryEngine klingon = new TesseractLibraryEngine("tlh", 6, Duration.ofSeconds(10));

        assertThatThrownBy(
                        () -> klingon.read(TesseractOcrEngineTest.printed("X")).block())
                .isInstanceOfSatisfying(
                        OcrEngineException.class,
                        e -> assertThat(e.kind()).isEqualTo(OcrEngineException.Kind.ENGINE_ERROR));
        klingon.close();
    }

    static BufferedImage prepared(String file) throws IOException {
        try (InputStream in = TesseractLibraryEngineTest.class.getResourceAsStream("/receipts/" + file)) {
            return new Preprocessing(java.util.EnumSet.of(
                            Preprocessing.Step.GRAYSCALE, Preprocessing.Step.SCALE, Preprocessing.Step.DESKEW))
                    .prepare(Preprocessing.decode(in.readAllBytes()));
        }
    }
}

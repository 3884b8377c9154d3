package io.mita.ocr.processing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.mita.ocr.engine.GuardedOcrEngine;
import io.mita.ocr.engine.TesseractOcrEngine;
import io.mita.ocr.extraction.Extraction;
import io.mita.ocr.extraction.ReceiptExtractor;
import io.mita.ocr.image.Preprocessing;
import io.mita.ocr.image.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The whole reading pipeline on the real Tesseract: a clean receipt, one upside down, a blank one. */
class ReceiptReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @TempDir
    Path work;

    private final Scheduler scheduler = Schedulers.newBoundedElastic(2, 10, "test-ocr");

    @AfterEach
    void tearDown() {
        scheduler.dispose();
    }

    @Test
    void readsAPlainReceipt() {
        Extraction e = reader().read(receipt(), TODAY).block();

        assertThat(e.total().value()).isEqualByComparingTo("8.76");
        assertThat(e.date().value()).isEqualTo(LocalDate.of(2025, 12, 24));
        assertThat(e.merchant().value()).isEqualTo("CORNER DELI");
        assertThat(e.confidence()).isGreaterThan(0.5);
    }

    @Test
    void readsAnUpsideDownReceiptByTurningIt() throws Exception {
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(receipt()));
        byte[] upsideDown = TestImages.encode(Preprocessing.rotate180(upright), "png");

        Extraction e = reader().read(upsideDown, TODAY).block();

        assertThat(e.total().value()).isEqualByComparingTo("8.76");
        assertThat(e.date().value()).isEqualTo(LocalDate.of(2025, 12, 24));
    }

    @Test
    void aBlankWhiteReceiptIsReadAsNothingWithNoConfidence() {
        BufferedImage blank = new BufferedImage(700, 1600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 700, 1600);
        g.dispose();

        Extraction e = reader().read(TestImages.encode(blank, "jpeg"), TODAY).block();

        assertThat(e.total().found()).isFalse();
        assertThat(e.confidence()).isLessThan(0.2);
    }

    private ReceiptReader reader() {
        GuardedOcrEngine engine = new GuardedOcrEngine(
                new TesseractOcrEngine(List.of("tesseract"), "eng", 4, Duration.ofSeconds(60), work),
                CircuitBreaker.ofDefaults("test"),
                Bulkhead.ofDefaults("test"),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                scheduler,
                Clock.systemUTC());
        return new ReceiptReader(Preprocessing.all(), engine, new ReceiptExtractor("EUR"), scheduler);
    }

    private static byte[] receipt() {
        return TestImages.receipt(
                "CORNER DELI",
                "24/12/2025 12:30",
                "COFFEE 3.20",
                "BAGEL 4.10",
                "SUBTOTAL 7.30",
                "VAT 20% 1.46",
                "TOTAL 8.76",
                "CASH 20.00",
                "CHANGE 11.24");
    }
}

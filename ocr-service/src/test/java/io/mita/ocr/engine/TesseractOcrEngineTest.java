package io.mita.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.ocr.image.TestImages;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Tesseract command (Debian's tesseract-ocr, installed by .ci/run), and a command that hangs. */
class TesseractOcrEngineTest {

    @TempDir
    Path work;

    @Test
    void readsPrintedTextWithItsConfidenceLineByLine() {
        TesseractOcrEngine engine =
                new TesseractOcrEngine(List.of("tesseract"), "eng", 4, Duration.ofSeconds(60), work);

        OcrText text =
                engine.read(printed("CORNER SHOP", "MILK 1.45", "TOTAL 12.50")).block();

        assertThat(text.lines()).extracting(OcrLine::text).contains("CORNER SHOP", "TOTAL 12.50");
        assertThat(text.meanConfidence()).isGreaterThan(60);
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aBlankPageReadsAsNothing() {
        TesseractOcrEngine engine =
                new TesseractOcrEngine(List.of("tesseract"), "eng", 4, Duration.ofSeconds(60), work);

        OcrText text = engine.read(TestImages.picture(400, 30)).block();

        assertThat(text.characters()).isZero();
        assertThat(text.meanConfidence()).isZero();
    }

    @Test
    void aCommandThatHangsIsKilledAtTheTimeout() {
        String marker = "417.25";
        TesseractOcrEngine engine = new TesseractOcrEngine(
                List.of("sh", "-c", "sleep " + marker, "sh"), "eng", 4, Duration.ofMillis(500), work);

        long started = System.nanoTime();
        assertThatThrownBy(() -> engine.read(printed("X")).block())
                .isInstanceOfSatisfying(
                        OcrEngineException.class, e -> assertThat(e.kind()).isEqualTo(OcrEngineException.Kind.TIMEOUT));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains(marker)))
                .as("no process of the hung command is left")
                .isEmpty();
    }

    @Test
    void aCommandThatFailsIsAnEngineError() {
        TesseractOcrEngine engine = new TesseractOcrEngine(List.of("false"), "eng", 4, Duration.ofSeconds(5), work);

        assertThatThrownBy(() -> engine.read(printed("X")).block())
                .isInstanceOfSatisfying(
                        OcrEngineException.class,
                        e -> assertThat(e.kind()).isEqualTo(OcrEngineException.Kind.ENGINE_ERROR));
    }

    @Test
    void joinsTheWordsOfTesseractsTsvIntoLines() {
        String tsv = """
                level	page_num	block_num	par_num	line_num	word_num	left	top	width	height	conf	text
                5	1	1	1	1	1	10	10	50	20	96.5	TOTAL
                5	1	1	1	1	2	300	10	50	20	91.5	12.50
                5	1	1	1	2	1	10	40	50	20	88.0	CASH
                4	1	1	1	2	0	10	40	50	20	-1
                """;

        OcrText text = TesseractOcrEngine.parseTsv(tsv);

        assertThat(text.lines()).extracting(OcrLine::text).containsExactly("TOTAL  12.50", "CASH");
        assertThat(text.lines().get(0).confidence()).isEqualTo(94.0);
    }

    static BufferedImage printed(String... lines) {
        BufferedImage image = new BufferedImage(900, 120 + 70 * lines.length, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans Mono", Font.PLAIN, 40));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 40, 90 + 70 * i);
        }
        g.dispose();
        return image;
    }
}

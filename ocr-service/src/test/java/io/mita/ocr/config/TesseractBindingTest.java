package io.mita.ocr.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.ocr.engine.ReceiptOcrEngine;
import io.mita.ocr.engine.TesseractLibraryEngine;
import io.mita.ocr.engine.TesseractOcrEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Tesseract binding the configuration builds (the real libtesseract where it is loaded). */
class TesseractBindingTest {

    @Test
    void theLibraryBindingReadsInProcess() {
        ReceiptOcrEngine engine = OcrConfiguration.tesseract(
                engine(OcrProperties.Binding.LIBRARY),
                () -> new TesseractLibraryEngine("eng", 6, Duration.ofSeconds(30)));

        assertThat(engine).isInstanceOf(TesseractLibraryEngine.class);
    }

    @Test
    void theLibraryBindingFallsBackToTheCommandWhereLibtesseractCannotBeLoaded() {
        ReceiptOcrEngine engine = OcrConfiguration.tesseract(engine(OcrProperties.Binding.LIBRARY), () -> {
            throw new UnsatisfiedLinkError("Unable to load library 'tesseract'");
        });

        assertThat(engine).isInstanceOf(TesseractOcrEngine.class);
    }

    @Test
    void theCliBindingRunsTheCommand() {
        ReceiptOcrEngine engine = OcrConfiguration.tesseract(engine(OcrProperties.Binding.CLI), () -> {
            throw new AssertionError("the library is not loaded for the cli binding");
        });

        assertThat(engine).isInstanceOf(TesseractOcrEngine.class);
    }

    private static OcrProperties.Engine engine(OcrProperties.Binding binding) {
        return new OcrProperties.Engine(
                OcrProperties.Provider.TESSERACT,
                binding,
                List.of("tesseract"),
                "eng",
                6,
                Duration.ofSeconds(30),
                2,
                Path.of("/tmp/mita-ocr-test"));
    }
}

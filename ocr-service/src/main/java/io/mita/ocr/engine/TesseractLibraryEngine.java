package io.mita.ocr.engine;

import com.sun.jna.Pointer;
import io.mita.ocr.engine.OcrEngineException.Kind;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Tesseract 5 inside the JVM through its C API ({@link TesseractLibrary}, JNA over the system libtesseract): no
 * process per image, the model stays loaded, the prepared gray pixels go in directly (no file). Each read borrows
 * a {@code TessBaseAPI} for itself alone (never two threads on one) from a pool that grows to the number of
 * images read at once (in the service at most the OCR threads, one per core) and keeps them.
 *
 * <p>Timeout and cancellation: a native call cannot be interrupted, so every read carries a Tesseract monitor
 * with a deadline of the per-image timeout and a cancel function that answers true once the subscription is
 * cancelled (the guard's time limiter): Tesseract checks both after every word and stops. A stopped read is a
 * {@link Kind#TIMEOUT}; its handle goes back to the pool only once the native call has returned. Tesseract does
 * not check them during page layout analysis (milliseconds on a receipt), and a crash of the library takes the
 * whole service down: the trade-offs against the command are in docs/ocr.md.
 */
public class TesseractLibraryEngine implements ReceiptOcrEngine, AutoCloseable {

    private final TesseractLibrary tesseract;
    private final String language;
    private final int pageSegmentationMode;
    private final Duration timeout;
    private final ConcurrentLinkedDeque<Pointer> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger created = new AtomicInteger();

    public TesseractLibraryEngine(String language, int pageSegmentationMode, Duration timeout) {
        this(TesseractLibrary.load(), language, pageSegmentationMode, timeout);
    }

    TesseractLibraryEngine(TesseractLibrary tesseract, String language, int pageSegmentationMode, Duration timeout) {
        this.tesseract = tesseract;
        this.language = language;
        this.pageSegmentationMode = pageSegmentationMode;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "tesseract";
    }

    @Override
    public Mono<OcrText> read(BufferedImage image) {
        return Mono.defer(() -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            return Mono.fromCallable(() -> recognize(image, cancelled)).doOnCancel(() -> cancelled.set(true));
        });
    }

    /** How many {@code TessBaseAPI}s (loaded models) this engine made so far; for tests. */
    int handles() {
        return created.get();
    }

    /** How many of them wait unused; for tests. */
    int idleHandles() {
        return idle.size();
    }

    private OcrText recognize(BufferedImage image, AtomicBoolean cancelled) {
        Pointer handle = borrow();
        Pointer monitor = tesseract.TessMonitorCreate();
        TesseractLibrary.CancelFunction cancel = (cancelThis, words) -> cancelled.get();
        long started = System.nanoTime();
        try {
            tesseract.TessMonitorSetDeadlineMSecs(monitor, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            tesseract.TessMonitorSetCancelFunc(monitor, cancel);
            tesseract.TessBaseAPISetImage(
                    handle, grayPixels(image), image.getWidth(), image.getHeight(), 1, image.getWidth());
            if (tesseract.TessBaseAPIRecognize(handle, monitor) != 0) {
                if (cancelled.get() || System.nanoTime() - started >= timeout.toNanos()) {
                    throw new OcrEngineException(
                            Kind.TIMEOUT,
                            "tesseract took longer than " + timeout + " or was cancelled, and was stopped");
                }
                throw new OcrEngineException(Kind.ENGINE_ERROR, "tesseract could not recognise the image");
            }
            Pointer tsv = tesseract.TessBaseAPIGetTsvText(handle, 0);
            if (tsv == null) {
                throw new OcrEngineException(Kind.ENGINE_ERROR, "tesseract gave no result");
            }
            try {
                return TesseractOcrEngine.parseTsv(tsv.getString(0, "UTF-8"));
            } finally {
                tesseract.TessDeleteText(tsv);
            }
        } finally {
            tesseract.TessMonitorDelete(monitor);
            tesseract.TessBaseAPIClear(handle);
            idle.push(handle);
            // the callback must stay reachable until the native call has returned
            java.lang.ref.Reference.reachabilityFence(cancel);
        }
    }

    private Pointer borrow() {
        Pointer handle = idle.poll();
        if (handle != null) {
            return handle;
        }
        handle = tesseract.TessBaseAPICreate();
        if (tesseract.TessBaseAPIInit3(handle, null, language) != 0) {
            tesseract.TessBaseAPIDelete(handle);
            throw new OcrEngineException(
                    Kind.ENGINE_ERROR, "tesseract could not load the language model '" + language + "'");
        }
        tesseract.TessBaseAPISetPageSegMode(handle, pageSegmentationMode);
        // Tesseract's warnings (e.g. the guessed resolution) would go to the service's stderr
        tesseract.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        created.incrementAndGet();
        return handle;
    }

    /** The image as 8-bit gray rows without padding, as {@code TessBaseAPISetImage} takes them. */
    static byte[] grayPixels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0
                && buffer.getData().length == width * height) {
            return buffer.getData();
        }
        byte[] pixels = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int rgb = row[x];
                pixels[y * width + x] =
                        (byte) ((((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000);
            }
        }
        return pixels;
    }

    /** Frees the loaded models (the service's shutdown). */
    @Override
    public void close() {
        Pointer handle;
        while ((handle = idle.poll()) != null) {
            tesseract.TessBaseAPIDelete(handle);
        }
    }
}

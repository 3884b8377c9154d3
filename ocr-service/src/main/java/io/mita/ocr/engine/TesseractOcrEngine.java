package io.mita.ocr.engine;

import io.mita.ocr.engine.OcrEngineException.Kind;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * Tesseract 5 through its command line, one process per image with {@code OMP_THREAD_LIMIT=1} (measured
 * faster on two cores than OpenMP threads, and a process can be killed when it hangs: docs/ocr.md). The
 * image goes in as a PGM file, the words come back as TSV with their confidences and are joined into
 * lines. The process is killed at the per-image timeout or when the subscription is cancelled.
 */
public class TesseractOcrEngine implements ReceiptOcrEngine {

    private final List<String> command;
    private final String language;
    private final int pageSegmentationMode;
    private final Duration timeout;
    private final Path workDirectory;

    /**
     * @param command the executable and any leading arguments ({@code tesseract})
     */
    public TesseractOcrEngine(
            List<String> command, String language, int pageSegmentationMode, Duration timeout, Path workDirectory) {
        this.command = List.copyOf(command);
        this.language = language;
        this.pageSegmentationMode = pageSegmentationMode;
        this.timeout = timeout;
        this.workDirectory = workDirectory;
    }

    @Override
    public String name() {
        return "tesseract";
    }

    @Override
    public Mono<OcrText> read(BufferedImage image) {
        return Mono.fromCallable(() -> run(image));
    }

    private OcrText run(BufferedImage image) throws IOException {
        Files.createDirectories(workDirectory);
        Path input = Files.createTempFile(workDirectory, "receipt-", ".pgm");
        Path output = Files.createTempFile(workDirectory, "receipt-", ".tsv");
        Path errors = Files.createTempFile(workDirectory, "receipt-", ".err");
        Process process = null;
        try {
            writePgm(image, input);
            List<String> arguments = new ArrayList<>(command);
            arguments.addAll(List.of(
                    input.toString(),
                    "stdout",
                    "-l",
                    language,
                    "--psm",
                    Integer.toString(pageSegmentationMode),
                    "tsv"));
            ProcessBuilder builder = new ProcessBuilder(arguments)
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new OcrEngineException(
                        Kind.TIMEOUT, "tesseract took longer than " + timeout + " and was stopped");
            }
            if (process.exitValue() != 0) {
                String message =
                        Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new OcrEngineException(
                        Kind.ENGINE_ERROR,
                        "tesseract exited with " + process.exitValue() + ": "
                                + message.substring(0, Math.min(200, message.length())));
            }
            return parseTsv(Files.readString(output, StandardCharsets.UTF_8));
        } catch (InterruptedException cancelled) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new OcrEngineException(Kind.TIMEOUT, "tesseract was stopped (cancelled)", cancelled);
        } catch (IOException failure) {
            kill(process);
            throw new OcrEngineException(
                    Kind.ENGINE_ERROR, "tesseract could not run: " + failure.getMessage(), failure);
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Binary PGM (P5): the cheapest lossless format Tesseract (Leptonica) reads. */
    public static void writePgm(BufferedImage image, Path file) {
        int width = image.getWidth();
        int height = image.getHeight();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[width];
            var raster = image.getRaster();
            boolean gray = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
            int[] pixels = new int[width];
            for (int y = 0; y < height; y++) {
                if (gray) {
                    raster.getDataElements(0, y, width, 1, row);
                } else {
                    image.getRGB(0, y, width, 1, pixels, 0, width);
                    for (int x = 0; x < width; x++) {
                        int rgb = pixels[x];
                        int luminance =
                                (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                        row[x] = (byte) luminance;
                    }
                }
                out.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Joins the words of Tesseract's TSV (level 5) into lines by (block, paragraph, line), then
     * {@link WordLines} merges lines of different blocks at the same height.
     */
    public static OcrText parseTsv(String tsv) {
        Map<String, List<WordLines.Word>> grouped = new LinkedHashMap<>();
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !cells[0].equals("5")) {
                continue;
            }
            String text = cells[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            grouped.computeIfAbsent(cells[2] + "/" + cells[3] + "/" + cells[4], k -> new ArrayList<>())
                    .add(new WordLines.Word(
                            text,
                            Integer.parseInt(cells[6]),
                            Integer.parseInt(cells[7]),
                            Integer.parseInt(cells[8]),
                            Integer.parseInt(cells[9]),
                            Math.max(0, Double.parseDouble(cells[10]))));
        }
        return WordLines.join(grouped.values());
    }
}

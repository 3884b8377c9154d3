package io.mita.ocr.bench;

import io.mita.ocr.engine.OcrText;
import io.mita.ocr.engine.TesseractLibraryEngine;
import io.mita.ocr.engine.TesseractOcrEngine;
import io.mita.ocr.extraction.ReadLine;
import io.mita.ocr.extraction.ReceiptExtractor;
import io.mita.ocr.image.Preprocessing;
import io.mita.ocr.image.Preprocessing.Step;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the pipeline's time goes, step by step, one receipt at a time (run by hand, docs/ocr.md): decoding,
 * each pre-processing step, writing the engine's input, the {@code tesseract} process on the prepared image and
 * on the original file, a process on a tiny image (start and model load), TSV parsing, extraction, the
 * in-process engine on the same prepared image, and how often the upside-down re-read happens. Prints Markdown.
 * Arguments: {@code count}.
 */
public final class OcrStepCosts {

    private static final Map<String, double[]> totals = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        Path dir = Files.createTempDirectory("ocr-steps");
        ReceiptExtractor extractor = new ReceiptExtractor("EUR");
        Preprocessing scale = new Preprocessing(EnumSet.of(Step.SCALE));
        Preprocessing deskew = new Preprocessing(EnumSet.of(Step.DESKEW));
        var library = new TesseractLibraryEngine("eng", OcrBenchmark.PSM, Duration.ofSeconds(60));
        Path blank = dir.resolve("blank.pgm");
        TesseractOcrEngine.writePgm(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), blank);
        long originalPixels = 0;
        long preparedPixels = 0;
        int reReads = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up the JIT and the page cache
            boolean measure = pass == 1;
            totals.clear();
            for (int seed = 1; seed <= (measure ? count : Math.min(3, count)); seed++) {
                byte[] jpeg = ReceiptGenerator.generate(seed).jpeg();
                Path original = dir.resolve("receipt.jpg");
                Files.write(original, jpeg);
                long t = System.nanoTime();
                BufferedImage decoded = Preprocessing.decode(jpeg);
                t = lap("decode (ImageIO)", t);
                BufferedImage gray = Preprocessing.grayscale(decoded);
                t = lap("grayscale", t);
                BufferedImage scaled = scale.prepare(gray);
                t = lap("scale", t);
                BufferedImage prepared = deskew.prepare(scaled);
                t = lap("deskew", t);
                Path pgm = dir.resolve("prepared.pgm");
                TesseractOcrEngine.writePgm(prepared, pgm);
                t = lap("write PGM (engine input)", t);
                String tsv = tesseract(pgm, dir, true);
                t = lap("tesseract process on the prepared image (TSV)", t);
                OcrText text = TesseractOcrEngine.parseTsv(tsv);
                t = lap("parse TSV", t);
                extractor.extract(
                        text.lines().stream()
                                .map(l -> new ReadLine(l.text(), l.confidence() / 100))
                                .toList(),
                        LocalDate.of(2026, 11, 30));
                t = lap("extraction", t);
                tesseract(original, dir, false);
                t = lap("bare `tesseract` on the original JPEG (text)", t);
                tesseract(blank, dir, true);
                t = lap("`tesseract` on a 32 × 32 blank image (process start, model load)", t);
                library.read(prepared).block();
                t = lap("in-process engine on the prepared image (TSV)", t);
                library.read(gray).block();
                lap("in-process engine on the original, gray only", t);
                if (measure) {
                    originalPixels += (long) decoded.getWidth() * decoded.getHeight();
                    preparedPixels += (long) prepared.getWidth() * prepared.getHeight();
                    reReads += text.meanConfidence() < 55 ? 1 : 0;
                }
            }
        }
        library.close();
        System.out.printf(Locale.ROOT, "%d generated receipts, one at a time, ms per receipt (mean)%n%n", count);
        System.out.println("| step | ms |");
        System.out.println("|---|---|");
        totals.forEach((step, ms) -> System.out.printf(Locale.ROOT, "| %s | %.0f |%n", step, ms[0] / count));
        System.out.printf(
                Locale.ROOT,
                "%nprepared pixels / original pixels: %.2f; receipts read a second time (upside down): %d of %d%n",
                (double) preparedPixels / originalPixels,
                reReads,
                count);
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.deleteIfExists(dir);
        System.exit(0);
    }

    private static long lap(String step, long started) {
        long now = System.nanoTime();
        totals.computeIfAbsent(step, k -> new double[1])[0] += (now - started) / 1e6;
        return now;
    }

    private static String tesseract(Path image, Path dir, boolean tsv) throws Exception {
        Path out = dir.resolve("out.txt");
        List<String> command = new java.util.ArrayList<>(List.of(
                "tesseract", image.toString(), "stdout", "-l", "eng", "--psm", Integer.toString(OcrBenchmark.PSM)));
        if (tsv) {
            command.add("tsv");
        }
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("tesseract failed on " + image);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private OcrStepCosts() {}
}

package io.mita.ocr.bench;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.mita.ocr.engine.GuardedOcrEngine;
import io.mita.ocr.engine.ReceiptOcrEngine;
import io.mita.ocr.engine.TesseractLibraryEngine;
import io.mita.ocr.engine.TesseractOcrEngine;
import io.mita.ocr.extraction.Extraction;
import io.mita.ocr.extraction.ReceiptExtractor;
import io.mita.ocr.image.Preprocessing;
import io.mita.ocr.processing.ReceiptReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The OCR benchmark (bench/ocr-accuracy.sh runs it): on the same generated receipts, in one run,
 * <ol>
 *   <li>the {@code tesseract} command alone, one image after another ({@code OMP_THREAD_LIMIT=1});
 *   <li>the pipeline (decode, prepare, Tesseract, extraction) one image after another, with field accuracy
 *       (merchant case-insensitive, date and total exact) — the ratio to 1. is the pipeline's cost;
 *   <li>the pipeline with two images at once — throughput against 2.;
 *   <li>with {@code --steps}, accuracy and time with each pre-processing step left out.
 * </ol>
 * Prints Markdown. Arguments: {@code count [--steps]}.
 */
public final class OcrBenchmark {

    /** Tesseract's page segmentation mode, as in application.yml (OCR_BENCH_PSM overrides it). */
    static final int PSM = Integer.parseInt(System.getenv().getOrDefault("OCR_BENCH_PSM", "6"));

    /** Interleaved rounds of the four timings (OCR_BENCH_ROUNDS overrides it); the median is reported. */
    static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("OCR_BENCH_ROUNDS", "3"));

    /** Tesseract's binding in the pipeline, as {@code mita.ocr.engine.binding} (OCR_BENCH_BINDING overrides it). */
    static final String BINDING = System.getenv().getOrDefault("OCR_BENCH_BINDING", "library");

    record Sample(Path file, byte[] bytes, ReceiptGenerator.Truth truth) {}

    record Score(int merchant, int date, int total, int n, double seconds) {
        String percent(int hits) {
            return String.format(Locale.ROOT, "%.0f %%", 100.0 * hits / n);
        }
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        boolean steps = List.of(args).contains("--steps");
        Path dir = Files.createTempDirectory("ocr-bench");
        List<Sample> samples = new ArrayList<>();
        long bytes = 0;
        for (int seed = 1; seed <= count; seed++) {
            ReceiptGenerator.Generated generated = ReceiptGenerator.generate(seed);
            Path file = dir.resolve("receipt-" + seed + ".jpg");
            Files.write(file, generated.jpeg());
            samples.add(new Sample(file, generated.jpeg(), generated.truth()));
            bytes += generated.jpeg().length;
        }
        System.out.printf(
                Locale.ROOT,
                "%d generated receipts (seeds 1..%d, %d KB), %d cores, pipeline's Tesseract binding: %s%n%n",
                count,
                count,
                bytes / 1024,
                Runtime.getRuntime().availableProcessors(),
                BINDING);

        // warm-up: JIT and Tesseract's model in the page cache
        Set<Preprocessing.Step> production =
                EnumSet.of(Preprocessing.Step.GRAYSCALE, Preprocessing.Step.SCALE, Preprocessing.Step.DESKEW);
        run(samples.subList(0, Math.min(3, samples.size())), production, 1, dir);

        // interleaved rounds: the machine is shared, so each ratio is taken within one round
        List<double[]> rounds = new ArrayList<>();
        Score pipeline = null;
        for (int round = 1; round <= ROUNDS; round++) {
            double raw = rawTesseract(samples, 1);
            Score one = run(samples, production, 1, dir);
            double rawParallel = rawTesseract(samples, 2);
            Score two = run(samples, production, 2, dir);
            pipeline = pipeline == null ? one : pipeline;
            double[] r = {
                raw / count,
                one.seconds() / count,
                one.seconds() / raw,
                count / two.seconds(),
                one.seconds() / two.seconds(),
                raw / rawParallel
            };
            rounds.add(r);
            System.err.printf(
                    Locale.ROOT,
                    "round %d: tesseract %.2f s, pipeline %.2f s per receipt (x%.2f); two at once x%.2f (tesseract"
                            + " alone x%.2f)%n",
                    round,
                    r[0],
                    r[1],
                    r[2],
                    r[4],
                    r[5]);
        }

        System.out.printf(Locale.ROOT, "Median [min–max] of %d interleaved rounds.%n%n", ROUNDS);
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf(
                Locale.ROOT, "| merchant exact (case-insensitive) | %s |%n", pipeline.percent(pipeline.merchant()));
        System.out.printf(Locale.ROOT, "| date exact | %s |%n", pipeline.percent(pipeline.date()));
        System.out.printf(Locale.ROOT, "| total exact | %s |%n", pipeline.percent(pipeline.total()));
        printRow("`tesseract` command alone, s per receipt (one at a time)", rounds, 0);
        printRow("pipeline, s per receipt (one at a time)", rounds, 1);
        printRow("pipeline / tesseract alone", rounds, 2);
        printRow("pipeline, two at once: receipts per s", rounds, 3);
        printRow("throughput two at once / one at a time", rounds, 4);
        printRow("`tesseract` alone two at once / one at a time", rounds, 5);

        if (steps) {
            System.out.println();
            System.out.println("| pre-processing | merchant | date | total | s per receipt |");
            System.out.println("|---|---|---|---|---|");
            List<Set<Preprocessing.Step>> variants = new ArrayList<>();
            variants.add(EnumSet.noneOf(Preprocessing.Step.class));
            variants.add(production);
            for (Preprocessing.Step step : production) {
                Set<Preprocessing.Step> without = EnumSet.copyOf(production);
                without.remove(step);
                variants.add(without);
            }
            for (Preprocessing.Step extra : EnumSet.complementOf(EnumSet.copyOf(production))) {
                Set<Preprocessing.Step> with = EnumSet.copyOf(production);
                with.add(extra);
                variants.add(with);
            }
            for (Set<Preprocessing.Step> variant : variants) {
                Score score = run(samples, variant, 2, dir);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %.2f |%n",
                        variant.isEmpty() ? "none" : variant.toString(),
                        score.percent(score.merchant()),
                        score.percent(score.date()),
                        score.percent(score.total()),
                        score.seconds() * 2 / count);
            }
        }
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.deleteIfExists(dir);
        System.exit(0);
    }

    static Score run(List<Sample> samples, Set<Preprocessing.Step> steps, int concurrency, Path dir) {
        // as in OcrConfiguration: engine calls and image preparation on pools of their own
        Scheduler scheduler = Schedulers.newBoundedElastic(concurrency, 100, "bench-ocr");
        Scheduler preparation = Schedulers.newBoundedElastic(concurrency, 100, "bench-ocr-prepare");
        try {
            ReceiptOcrEngine tesseract = BINDING.equals("cli")
                    ? new TesseractOcrEngine(
                            List.of("tesseract"), "eng", PSM, Duration.ofSeconds(60), dir.resolve("work"))
                    : library();
            GuardedOcrEngine engine = new GuardedOcrEngine(
                    tesseract,
                    CircuitBreaker.ofDefaults("bench"),
                    Bulkhead.of(
                            "bench",
                            BulkheadConfig.custom()
                                    .maxConcurrentCalls(concurrency)
                                    .build()),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(30),
                    scheduler,
                    Clock.systemUTC());
            ReceiptReader reader =
                    new ReceiptReader(new Preprocessing(steps), engine, new ReceiptExtractor("EUR"), preparation);
            LocalDate today = LocalDate.of(2026, 11, 30);
            long started = System.nanoTime();
            List<int[]> hits = Flux.fromIterable(samples)
                    .flatMap(s -> reader.read(s.bytes(), today).map(e -> compare(e, s.truth())), concurrency)
                    .collectList()
                    .block();
            double seconds = (System.nanoTime() - started) / 1e9;
            int m = 0, d = 0, t = 0;
            for (int[] h : hits) {
                m += h[0];
                d += h[1];
                t += h[2];
            }
            return new Score(m, d, t, samples.size(), seconds);
        } finally {
            scheduler.dispose();
            preparation.dispose();
        }
    }

    private static TesseractLibraryEngine library;

    /** One in-process engine for the whole run, as in the service (its models stay loaded). */
    private static synchronized TesseractLibraryEngine library() {
        if (library == null) {
            library = new TesseractLibraryEngine("eng", PSM, Duration.ofSeconds(60));
        }
        return library;
    }

    private static void printRow(String measure, List<double[]> rounds, int column) {
        double[] values = rounds.stream().mapToDouble(r -> r[column]).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "| %s | %.2f [%.2f–%.2f] |%n",
                measure,
                values[values.length / 2],
                values[0],
                values[values.length - 1]);
    }

    static int[] compare(Extraction e, ReceiptGenerator.Truth truth) {
        int merchant = e.merchant().found() && e.merchant().value().equalsIgnoreCase(truth.merchant()) ? 1 : 0;
        int date = truth.date().equals(e.date().value()) ? 1 : 0;
        int total = e.total().found() && e.total().value().compareTo(truth.total()) == 0 ? 1 : 0;
        if (System.getenv("OCR_BENCH_VERBOSE") != null && (merchant + date + total) < 3) {
            System.err.printf(
                    "miss: truth %s | read merchant=%s date=%s total=%s%n",
                    truth, e.merchant().value(), e.date().value(), e.total().value());
        }
        return new int[] {merchant, date, total};
    }

    /** The {@code tesseract} command alone on the original files, as the pipeline's baseline. */
    static double rawTesseract(List<Sample> samples, int concurrency) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        List<Future<Integer>> runs = new ArrayList<>();
        for (Sample sample : samples) {
            runs.add(pool.submit(() -> {
                ProcessBuilder builder = new ProcessBuilder(
                                "tesseract",
                                sample.file().toString(),
                                "stdout",
                                "-l",
                                "eng",
                                "--psm",
                                Integer.toString(PSM))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("OMP_THREAD_LIMIT", "1");
                Process p = builder.start();
                p.waitFor(120, TimeUnit.SECONDS);
                return p.exitValue();
            }));
        }
        for (Future<Integer> run : runs) {
            if (run.get() != 0) {
                throw new IOException("tesseract failed");
            }
        }
        pool.shutdown();
        return (System.nanoTime() - started) / 1e9;
    }

    private OcrBenchmark() {}
}

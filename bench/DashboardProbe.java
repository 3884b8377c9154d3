import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/dashboard.sh's second part: transaction create → the dashboard reflects it. N closed-loop clients, each
 * taking the next user of a token file: POST an expense of today (with an Idempotency-Key; budget-service
 * redistributes the month in the same database transaction), then GET the dashboard until its latest
 * transactions name the new id. The time measured is from the POST's start to the first dashboard that shows
 * the expense; one line per run with percentiles. The clients run the same cycle for --warmup seconds first (at most
 * 300) and those cycles are not counted: a fresh JVM compiles the create path for about a minute, so a short
 * warm-up measures the JIT, not the service. Every expense the probe made is deleted again, untimed: a warm-up's
 * right after its cycle, the measured ones after the measured seconds. The dashboard shows a user's 5 latest
 * transactions, newest day first and random ids within a day, so a user with 5 expenses of today already would hide
 * the next one (a cycle that never shows it: a failure and 50 extra reads); with the deletions a user holds the seed's
 * expense of today plus the measured seconds' share (cycles ÷ users). Loopback only, bounded in time.
 *
 * java bench/DashboardProbe.java BASE_URL TOKEN_FILE [--clients N] [--seconds S] [--warmup S]
 */
public class DashboardProbe {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DashboardProbe BASE_URL TOKEN_FILE [--clients N] [--seconds S] [--warmup S]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("load goes to loopback only, not " + base.getHost());
        }
        List<String> tokens = Files.readAllLines(Path.of(args[1])).stream().filter(line -> !line.isBlank()).toList();
        int clients = 4;
        int seconds = 20;
        int warmup = 10;
        for (int i = 2; i < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Math.min(Integer.parseInt(args[i + 1]), 120);
                case "--warmup" -> warmup = Math.min(Integer.parseInt(args[i + 1]), 300);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        ConcurrentLinkedQueue<Long> reflected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> creates = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong extraReads = new AtomicLong();
        AtomicLong next = new AtomicLong();
        ConcurrentLinkedQueue<String[]> measured = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String token = tokens.get((int) (next.getAndIncrement() % tokens.size()));
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> created = http.send(
                                HttpRequest.newBuilder(base.resolve("/api/budget/transactions"))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .header("Idempotency-Key", UUID.randomUUID().toString())
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"type\":\"EXPENSE\",\"amount\":\"" + (1 + start % 20) + ".25\","
                                                        + "\"currency\":\"EUR\",\"category\":\"groceries\",\"occurredOn\":\""
                                                        + LocalDate.now(ZoneOffset.UTC) + "\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        long createdAt = System.nanoTime();
                        Matcher id = ID.matcher(created.body());
                        if (created.statusCode() != 201 || !id.find()) {
                            failures.incrementAndGet();
                            continue;
                        }
                        boolean shown = false;
                        for (int read = 0; read < 50 && !shown; read++) {
                            HttpResponse<String> dashboard = http.send(
                                    HttpRequest.newBuilder(base.resolve("/api/budget/dashboard"))
                                            .timeout(Duration.ofSeconds(30))
                                            .header("Authorization", "Bearer " + token)
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            shown = dashboard.statusCode() == 200 && dashboard.body().contains(id.group(1));
                            if (!shown && start >= warmupEnd) {
                                extraReads.incrementAndGet();
                            }
                        }
                        long took = System.nanoTime() - start;
                        if (start < warmupEnd) {
                            delete(http, base, token, id.group(1));
                        } else {
                            measured.add(new String[] {token, id.group(1)});
                            if (shown) {
                                reflected.add(took);
                                creates.add(createdAt - start);
                            } else {
                                failures.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // after the measured seconds, untimed: the measured expenses go too (the next run starts from the same days)
        for (String[] expense : measured) {
            try {
                delete(http, base, expense[0], expense[1]);
            } catch (Exception e) {
                // best effort: a leftover expense only crowds its user's latest transactions
            }
        }
        List<Long> sorted = new ArrayList<>(reflected);
        Collections.sort(sorted);
        List<Long> createSorted = new ArrayList<>(creates);
        Collections.sort(createSorted);
        System.out.printf(
                "PROBE cycles=%d failures=%d extra_reads=%d cycles_per_s=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f"
                        + " create_p50_ms=%.2f create_p95_ms=%.2f clients=%d seconds=%d%n",
                sorted.size(), failures.get(), extraReads.get(), sorted.size() / (double) seconds,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                percentile(createSorted, 50), percentile(createSorted, 95), clients, seconds);
    }

    /** Soft-deletes an expense the probe made: untimed, outside the measured cycles. */
    private static void delete(HttpClient http, URI base, String token, String id) throws Exception {
        http.send(
                HttpRequest.newBuilder(base.resolve("/api/budget/transactions/" + id))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000.0;
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load probe for the benchmarks under bench/: N clients, each sending its next request
 * when the previous answered, for a fixed time after a warm-up; prints one line per scenario with
 * throughput and latency percentiles. Bounded in time and aimed only at loopback URLs.
 *
 * java bench/LoadProbe.java NAME URL [--method M] [--body JSON] [--header 'K: V']... [--clients N]
 *                           [--seconds S] [--warmup S] [--expect STATUS]
 */
public class LoadProbe {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: LoadProbe NAME URL [--method M] [--body JSON] [--header 'K: V'] [--clients N] [--seconds S] [--warmup S] [--expect STATUS]");
            System.exit(2);
        }
        String name = args[0];
        URI uri = URI.create(args[1]);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost())) {
            throw new IllegalArgumentException("load goes to loopback only, not " + uri.getHost());
        }
        String method = "GET";
        String body = null;
        Map<String, String> headers = new LinkedHashMap<>();
        int clients = 4;
        int seconds = 10;
        int warmup = 3;
        int expect = 200;
        for (int i = 2; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--method" -> method = value;
                case "--body" -> body = value;
                case "--header" -> headers.put(value.substring(0, value.indexOf(':')).trim(), value.substring(value.indexOf(':') + 1).trim());
                case "--clients" -> clients = Integer.parseInt(value);
                case "--seconds" -> seconds = Math.min(Integer.parseInt(value), 120);
                case "--warmup" -> warmup = Math.min(Integer.parseInt(value), 60);
                case "--expect" -> expect = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        if (body != null && !headers.containsKey("Content-Type")) {
            builder.header("Content-Type", "application/json");
        }
        HttpRequest request = builder.build();

        long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong unexpected = new AtomicLong();
        int wanted = expect;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - start;
                    if (start >= warmupEnd) {
                        if (status == wanted) {
                            latencies.add(took);
                        } else {
                            unexpected.incrementAndGet();
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%s requests=%d unexpected=%d throughput_per_s=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f clients=%d seconds=%d%n",
                name, sorted.size(), unexpected.get(), sorted.size() / (double) seconds,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), clients, seconds);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000.0;
    }
}

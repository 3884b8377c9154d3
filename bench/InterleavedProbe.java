import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One client that sends the requests of several scenarios in turn (A, B, C, A, B, C, ...), each when the
 * previous answered, so every scenario sees the same machine at the same moments: JIT compilation, other
 * processes and CPU frequency weigh on all of them alike, and their differences hold where separate runs
 * drift by more than the effect measured. Prints one line per scenario. Loopback URLs only.
 *
 * java bench/InterleavedProbe.java [--seconds S] [--warmup S] NAME URL HEADER [NAME URL HEADER]...
 *   HEADER is 'Name: value' or '-' for none.
 */
public class InterleavedProbe {

    private record Scenario(String name, HttpRequest request, List<Long> latencies) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 30;
        int warmup = 10;
        int i = 0;
        while (i < args.length && args[i].startsWith("--")) {
            switch (args[i]) {
                case "--seconds" -> seconds = Math.min(Integer.parseInt(args[i + 1]), 600);
                case "--warmup" -> warmup = Math.min(Integer.parseInt(args[i + 1]), 600);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i += 2;
        }
        if ((args.length - i) % 3 != 0 || args.length == i) {
            System.err.println("usage: InterleavedProbe [--seconds S] [--warmup S] NAME URL HEADER|- ...");
            System.exit(2);
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (; i < args.length; i += 3) {
            URI uri = URI.create(args[i + 1]);
            if (!List.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost())) {
                throw new IllegalArgumentException("load goes to loopback only, not " + uri.getHost());
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
            String header = args[i + 2];
            if (!header.equals("-")) {
                builder.header(header.substring(0, header.indexOf(':')).trim(), header.substring(header.indexOf(':') + 1).trim());
            }
            scenarios.add(new Scenario(args[i], builder.build(), new ArrayList<>()));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        long failures = 0;
        while (System.nanoTime() < end) {
            for (Scenario scenario : scenarios) {
                long start = System.nanoTime();
                int status;
                try {
                    status = http.send(scenario.request(), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    status = -1;
                }
                long took = System.nanoTime() - start;
                if (start >= warmupEnd) {
                    if (status == 200) {
                        scenario.latencies().add(took);
                    } else {
                        failures++;
                    }
                }
            }
        }
        for (Scenario scenario : scenarios) {
            List<Long> sorted = new ArrayList<>(scenario.latencies());
            Collections.sort(sorted);
            System.out.printf("%s requests=%d p25_ms=%.3f p50_ms=%.3f p75_ms=%.3f p95_ms=%.3f%n", scenario.name(), sorted.size(),
                    percentile(sorted, 25), percentile(sorted, 50), percentile(sorted, 75), percentile(sorted, 95));
        }
        System.out.printf("failures=%d seconds=%d%n", failures, seconds);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000.0;
    }
}

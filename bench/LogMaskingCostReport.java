import io.mita.common.pii.PiiMaskingLogCustomizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.json.JsonWriter;

/**
 * What masking personal data costs per structured log line (no JMH: a timing report, not an assertion).
 * The same ECS-shaped line (timestamp, level, logger, thread, process, service, message, trace, span and
 * correlation ids) is written by Boot's JsonWriter three ways, in interleaved rounds:
 *   none     no masking at all (the floor);
 *   before   every string of the line through the four patterns (the masking up to issue 14);
 *   after    common-lib's PiiMaskingLogCustomizer: only members that can carry personal data, and a
 *            pattern only where one pass over the text finds what it could match.
 * Two messages: a request line without personal data, and a line with an e-mail address in it.
 *
 * java -cp <common-lib classes and its dependencies> bench/LogMaskingCostReport.java [rounds] [lines]
 */
public class LogMaskingCostReport {

    /** CPU time of this thread, not wall time: the figure holds while other processes share the cores. */
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        Map<String, String> plain = line("GET /api/notifications/unread-count -> 200 in 2 ms");
        Map<String, String> personal = line("login failed for jane.doe@example.com from the mobile app");
        Map<String, JsonWriter<Map<String, String>>> writers = new java.util.LinkedHashMap<>();
        writers.put("none", writer(members -> {}));
        writers.put("before", writer(members -> members.applyingValueProcessor(
                JsonWriter.ValueProcessor.of(String.class, LogMaskingCostReport::maskAsBefore))));
        PiiMaskingLogCustomizer after = new PiiMaskingLogCustomizer();
        writers.put("after", writer(members -> after.customize(cast(members))));

        System.out.printf("%d rounds of %,d lines per variant; CPU ns per line (thread CPU time), median [min-max]%n", rounds, lines);
        for (Map<String, String> input : List.of(plain, personal)) {
            System.out.println("message: " + writers.get("after").writeToString(input));
            Map<String, List<Double>> results = new java.util.LinkedHashMap<>();
            for (int round = -1; round < rounds; round++) { // round -1 warms up
                for (var writer : writers.entrySet()) {
                    double ns = time(writer.getValue(), input, lines);
                    if (round >= 0) {
                        results.computeIfAbsent(writer.getKey(), k -> new ArrayList<>()).add(ns);
                    }
                }
            }
            double none = median(results.get("none"));
            results.forEach((name, values) -> System.out.printf(
                    "  %-7s %8.0f ns [%.0f-%.0f]   masking itself: %6.0f ns%n",
                    name, median(values), Collections.min(values), Collections.max(values), median(values) - none));
        }
    }

    private static double time(JsonWriter<Map<String, String>> writer, Map<String, String> input, int lines) {
        long sink = 0;
        long started = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < lines; i++) {
            sink += writer.writeToString(input).length();
        }
        long elapsed = THREADS.getCurrentThreadCpuTime() - started;
        if (sink == 42) {
            System.out.print("");
        }
        return (double) elapsed / lines;
    }

    private static Map<String, String> line(String message) {
        return Map.of("message", message);
    }

    private static JsonWriter<Map<String, String>> writer(Consumer<JsonWriter.Members<Map<String, String>>> masking) {
        return JsonWriter.of(members -> {
            members.add("@timestamp", line -> "2026-11-30T09:31:36.123Z");
            members.add("log").usingMembers(log -> {
                log.add("level", line -> "INFO");
                log.add("logger", line -> "mita.request");
            });
            members.add("process").usingMembers(process -> {
                process.add("pid", line -> 4711);
                process.add("thread").usingMembers(thread -> thread.add("name", line -> "reactor-http-epoll-2"));
            });
            members.add("service").usingMembers(service -> service.add("name", line -> "notification-service"));
            members.add("message", line -> line.get("message"));
            members.add("traceId", line -> "6f1c2b7d5a3c8e903f2a9c1e8d4b4a6f");
            members.add("spanId", line -> "9e1c2b7d5a3c8e90");
            members.add("correlationId", line -> "3f2a9c1e-8d4b-4a6f-9e1c-2b7d5a3c8e90");
            members.add("ecs").usingMembers(ecs -> ecs.add("version", line -> "8.11"));
            masking.accept(members);
        });
    }

    // ---- the masking as it was before: four patterns over every string of the line
    private static final Pattern EMAIL =
            Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    static String maskAsBefore(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = BEARER.matcher(text).replaceAll("$1[REDACTED]");
        masked = JWT.matcher(masked).replaceAll("[REDACTED]");
        Matcher cards = CARD.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (cards.find()) {
            cards.appendReplacement(out, Matcher.quoteReplacement(cards.group()));
        }
        cards.appendTail(out);
        masked = out.toString();
        return EMAIL.matcher(masked)
                .replaceAll(match -> match.group(1) + "***@" + Matcher.quoteReplacement(match.group(2)));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonWriter.Members<Object> cast(JsonWriter.Members<?> members) {
        return (JsonWriter.Members) members;
    }
}

package io.mita.auth;

import io.mita.testsupport.MitaTestInfrastructureInitializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Measures the whole login request for a wrong password and for an unknown e-mail (then the password-reset
 * request for an existing account and for an unknown e-mail) against a running
 * auth-service (started here on a fresh database and the test Kafka broker), alternating the two so both
 * see the same machine. Lockout is raised out of the way (mita.auth.lockout.max-failures) so that every
 * wrong password takes the real failure path (count, event) rather than the locked answer. Prints a
 * Markdown table; run by {@code bench/password-hash-cost.sh}; not a test.
 */
public final class LoginTimingReport {

    private static final int WARM_UP = 10;
    private static final int RUNS = 40;

    private LoginTimingReport() {}

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServiceApplication.class)
                .initializers(new MitaTestInfrastructureInitializer())
                .properties(
                        "server.port=0",
                        "mita.auth.lockout.max-failures=1000000",
                        "mita.request-log.enabled=false",
                        "logging.level.root=WARN")
                .run(args);
        try {
            WebClient web = WebClient.create(
                    "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
            String email = "timing-" + UUID.randomUUID() + "@example.com";
            web.post()
                    .uri("/api/auth/register")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", email, "password", AuthFixtures.PASSWORD))
                    .retrieve()
                    .toBodilessEntity()
                    .block(Duration.ofSeconds(30));

            Map<String, Supplier<Double>> logins = new LinkedHashMap<>();
            logins.put("wrong password (existing account)", () -> login(web, email, "not the right password", 401));
            logins.put("unknown e-mail", () -> login(web, unknownEmail(), AuthFixtures.PASSWORD, 401));
            logins.put("right password (for reference)", () -> login(web, email, AuthFixtures.PASSWORD, 200));
            table("POST /api/auth/login", "login", alternate(logins));

            Map<String, Supplier<Double>> resets = new LinkedHashMap<>();
            resets.put("existing account", () -> requestReset(web, email));
            resets.put("unknown e-mail", () -> requestReset(web, unknownEmail()));
            System.out.println();
            table("POST /api/auth/password-reset/request", "password-reset request", alternate(resets));
        } finally {
            context.close();
        }
        System.exit(0);
    }

    /** Runs the scenarios in turn, {@link #WARM_UP} + {@link #RUNS} times; keeps the timings after the warm-up. */
    private static Map<String, List<Double>> alternate(Map<String, Supplier<Double>> scenarios) {
        Map<String, List<Double>> timings = new LinkedHashMap<>();
        scenarios.keySet().forEach(name -> timings.put(name, new ArrayList<>()));
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            for (Map.Entry<String, Supplier<Double>> scenario : scenarios.entrySet()) {
                double millis = scenario.getValue().get();
                if (i >= WARM_UP) {
                    timings.get(scenario.getKey()).add(millis);
                }
            }
        }
        return timings;
    }

    /** A Markdown table of the scenarios, then the second one's median over the first one's. */
    private static void table(String request, String column, Map<String, List<Double>> timings) {
        System.out.printf(
                "%s, %d runs each after %d warm-up runs, alternating, one client.%n%n", request, RUNS, WARM_UP);
        System.out.printf("| %s | median ms | p90 ms |%n|---|---|---|%n", column);
        timings.forEach(LoginTimingReport::row);
        List<String> names = List.copyOf(timings.keySet());
        System.out.printf(
                "%n%s / %s (medians): %.2f×%n",
                names.get(1), names.get(0), median(timings.get(names.get(1))) / median(timings.get(names.get(0))));
    }

    private static String unknownEmail() {
        return "nobody-" + UUID.randomUUID() + "@example.com";
    }

    private static double login(WebClient web, String email, String password, int expectedStatus) {
        return timedPost(web, "/api/auth/login", Map.of("email", email, "password", password), expectedStatus);
    }

    private static double requestReset(WebClient web, String email) {
        return timedPost(web, "/api/auth/password-reset/request", Map.of("email", email), 202);
    }

    private static double timedPost(WebClient web, String uri, Map<String, String> body, int expectedStatus) {
        long start = System.nanoTime();
        int status = web.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()))
                .block(Duration.ofSeconds(30));
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        if (status != expectedStatus) {
            throw new IllegalStateException(uri + " answered " + status + ", expected " + expectedStatus);
        }
        return millis;
    }

    private static void row(String name, List<Double> values) {
        System.out.printf("| %s | %.1f | %.1f |%n", name, median(values), percentile(values, 0.9));
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}

package io.mita.auth;

import io.mita.testsupport.MitaTestInfrastructureInitializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Measures the whole login request for a wrong password and for an unknown e-mail against a running
 * auth-service (started here on a fresh database and the test Kafka broker), alternating the two so both
 * see the same machine. Lockout is raised out of the way (mita.auth.lockout.max-failures) so that every
 * wrong password takes the real failure path (count, event) rather than the locked answer. Prints a
 * Markdown table; run by {@code bench/password-hash-cost.sh}; not a test.
 */
public final class LoginTimingReport {

    private static final int WARM_UP = 10;
    private static final int RUNS = 40;

    private LoginTimingReport() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServiceApplication.class)
                .initializers(new MitaTestInfrastructureInitializer())
                .properties("server.port=0", "mita.auth.lockout.max-failures=1000000", "mita.request-log.enabled=false",
                        "logging.level.root=WARN")
                .run(args);
        try {
            WebClient web = WebClient.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
            String email = "timing-" + UUID.randomUUID() + "@example.com";
            web.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", email, "password", AuthFixtures.PASSWORD))
                    .retrieve().toBodilessEntity().block(Duration.ofSeconds(30));

            List<Double> wrongPassword = new ArrayList<>();
            List<Double> unknownEmail = new ArrayList<>();
            List<Double> rightPassword = new ArrayList<>();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                double wrong = login(web, email, "not the right password", 401);
                double unknown = login(web, "nobody-" + UUID.randomUUID() + "@example.com", AuthFixtures.PASSWORD, 401);
                double right = login(web, email, AuthFixtures.PASSWORD, 200);
                if (i >= WARM_UP) {
                    wrongPassword.add(wrong);
                    unknownEmail.add(unknown);
                    rightPassword.add(right);
                }
            }
            System.out.printf("POST /api/auth/login, %d runs each after %d warm-up runs, alternating, one client.%n%n",
                    RUNS, WARM_UP);
            System.out.println("| login | median ms | p90 ms |");
            System.out.println("|---|---|---|");
            row("wrong password (existing account)", wrongPassword);
            row("unknown e-mail", unknownEmail);
            row("right password (for reference)", rightPassword);
            System.out.printf("%nunknown e-mail / wrong password (medians): %.2f×%n",
                    median(unknownEmail) / median(wrongPassword));
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static double login(WebClient web, String email, String password, int expectedStatus) {
        long start = System.nanoTime();
        int status = web.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(Duration.ofSeconds(30));
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        if (status != expectedStatus) {
            throw new IllegalStateException("login answered " + status + ", expected " + expectedStatus);
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

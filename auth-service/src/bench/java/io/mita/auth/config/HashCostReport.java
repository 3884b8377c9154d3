package io.mita.auth.config;

import io.mita.auth.password.hashing.Libargon2PasswordEncoder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Measures what one password hash costs on this machine: the parameters auth-service uses, the same
 * parameters in Bouncy Castle's implementation (which auth-service used before), and two baselines (ASVS's
 * Argon2id m=46 MiB, t=1, and bcrypt cost 12), interleaved in one run so the ratios hold
 * even on a busy machine. Prints a Markdown table. Run by {@code bench/password-hash-cost.sh}; not a test.
 */
public final class HashCostReport {

    private static final int WARM_UP = 5;
    private static final int RUNS = 20;

    private HashCostReport() {}

    public static void main(String[] args) {
        Map<String, PasswordEncoder> encoders = new LinkedHashMap<>();
        encoders.put(
                "Argon2id m=19 MiB, t=2, p=1 (auth-service: libargon2)", new AuthConfiguration().passwordEncoder());
        encoders.put(
                "Argon2id m=19 MiB, t=2, p=1 (Bouncy Castle via Spring Security, the former implementation)",
                new Argon2PasswordEncoder(
                        AuthConfiguration.SALT_LENGTH,
                        AuthConfiguration.HASH_LENGTH,
                        AuthConfiguration.PARALLELISM,
                        AuthConfiguration.MEMORY_KIB,
                        AuthConfiguration.ITERATIONS));
        encoders.put(
                "Argon2id m=46 MiB, t=1, p=1 (ASVS baseline)",
                new Libargon2PasswordEncoder(
                        46 * 1024, 1, 1, AuthConfiguration.SALT_LENGTH, AuthConfiguration.HASH_LENGTH));
        encoders.put("bcrypt cost 12 (baseline)", new BCryptPasswordEncoder(12));
        String password = randomPassword();
        Map<String, String> stored = new LinkedHashMap<>();
        encoders.forEach((name, encoder) -> stored.put(name, encoder.encode(password)));
        for (int i = 0; i < WARM_UP; i++) {
            encoders.forEach((name, encoder) -> {
                encoder.encode(password);
                encoder.matches(password, stored.get(name));
            });
        }

        Map<String, List<Double>> hashing = new LinkedHashMap<>();
        Map<String, List<Double>> checking = new LinkedHashMap<>();
        for (int run = 0; run < RUNS; run++) {
            for (Map.Entry<String, PasswordEncoder> entry : encoders.entrySet()) {
                PasswordEncoder encoder = entry.getValue();
                hashing.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                        .add(millis(() -> encoder.encode(password)));
                // a wrong password: what a failed login (and the unknown-e-mail path's dummy hash) costs
                checking.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                        .add(millis(() -> encoder.matches(password + "x", stored.get(entry.getKey()))));
            }
        }

        Runtime runtime = Runtime.getRuntime();
        System.out.printf(
                "Machine: %d CPUs, Java %s, %d runs each (median, p90), interleaved, after %d warm-up runs.%n%n",
                runtime.availableProcessors(), System.getProperty("java.version"), RUNS, WARM_UP);
        System.out.println(
                "| algorithm and parameters | hash: median ms | hash: p90 ms | check: median ms | ratio to auth-service |");
        System.out.println("|---|---|---|---|---|");
        double reference = median(hashing.values().iterator().next());
        for (String name : encoders.keySet()) {
            System.out.printf(
                    "| %s | %.1f | %.1f | %.1f | %.2f× |%n",
                    name,
                    median(hashing.get(name)),
                    percentile(hashing.get(name), 0.9),
                    median(checking.get(name)),
                    median(hashing.get(name)) / reference);
        }
    }

    private static double millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        if (p == 0.5 && sorted.size() % 2 == 0) {
            return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}

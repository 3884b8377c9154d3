package io.mita.auth.password.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.PostgresTestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 12: concurrent logins under the production heap settings all answer; none ends the JVM. Starts the packaged
 * jar ({@code target/auth-service-*-exec.jar}, built by {@code package} before failsafe runs) in a child JVM with
 * auth-service's JVM options from docker-compose.yml ({@link ProductionJvmProfile}, no copy here), against the
 * machine's PostgreSQL (a database of its own) and the test Kafka broker. The container is emulated:
 * {@code -XX:MaxRAM=<mem_limit>} is the memory the JVM sees (HashingCapacity honours it as the JVM's heap ergonomics
 * do), and {@code -XX:ActiveProcessorCount=16} makes it a 16-core host — the case where one hash per core (the cap
 * before issue 12) needed more memory than the container has. docs/auth.md, "Passwords".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionHeapConcurrentLoginsIT {

    private static final String PASSWORD = "crimson walrus juggles seven lanterns";
    private static final int EMULATED_CPUS = 16;
    private static final long MIB = 1024 * 1024;

    private final ProductionJvmProfile profile = ProductionJvmProfile.ofAuthService();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private String database;
    private Process service;
    private Path log;
    private URI base;

    @BeforeAll
    void startTheJarWithTheProductionProfile() throws Exception {
        Path jar = Files.list(Path.of("target"))
                .filter(path -> path.getFileName().toString().matches("auth-service-.*-exec\\.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("run `mvn -pl auth-service -am verify`: the IT needs "
                        + "the packaged jar (target/auth-service-*-exec.jar)"));
        database = PostgresTestDatabase.create("auth_heap");
        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port);
        log = Path.of("target", "production-heap-auth-service.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var environment = builder.environment();
        environment.put(
                "JAVA_TOOL_OPTIONS",
                profile.jvmOptions() + " -XX:MaxRAM=" + profile.memoryLimitForJvm() + " -XX:ActiveProcessorCount="
                        + EMULATED_CPUS);
        environment.put("MITA_DB_HOST", PostgresTestDatabase.host());
        environment.put("MITA_DB_PORT", PostgresTestDatabase.port());
        environment.put("MITA_DB_USER", PostgresTestDatabase.user());
        environment.put("MITA_DB_PASSWORD", PostgresTestDatabase.password());
        environment.put("AUTH_DB_NAME", database);
        environment.put("MITA_KAFKA_BOOTSTRAP", KafkaTestBroker.bootstrapServers());
        environment.put("AUTH_PORT", String.valueOf(port));
        environment.put("AUTH_MANAGEMENT_PORT", String.valueOf(freePort()));
        environment.remove("MITA_AUTH_HASHING_CONCURRENCY");
        service = builder.start();
        awaitReady(Duration.ofMinutes(4));
        seedAccounts(32);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    @Test
    void theHashPoolCapIsWhatTheContainersMemoryHoldsNotOnePerCore() throws IOException {
        // (768 − 384 − 128) / 2 MiB = 128 MiB for workspaces of 19 MiB: 6, not the 16 the cores would ask for
        long expected =
                (profile.memoryLimitMib() - 384 - HashingCapacity.NON_HEAP_RESERVE_MIB) / 2 * MIB / (19_456L * 1024);
        assertThat(expected).isEqualTo(6);
        assertThat(Files.readString(log))
                .contains("at most " + expected + " hashes at once (memory limit " + profile.memoryLimitMib()
                        + " MiB, max heap 384 MiB, " + EMULATED_CPUS + " CPUs");
    }

    @Test
    void sixteenConcurrentLoginsOfDistinctUsersAllAnswerAndTheJvmLives() throws Exception {
        assertThat(loginAtOnce(0, 16)).containsOnly(200).hasSize(16);
        assertThat(service.isAlive()).as("the child JVM after 16 logins").isTrue();
        assertThat(Files.readString(log)).doesNotContain("java.lang.OutOfMemoryError");
    }

    @Test
    void thirtyTwoConcurrentLoginsOfDistinctUsersAllAnswerAndTheJvmLives() throws Exception {
        assertThat(loginAtOnce(0, 32)).containsOnly(200).hasSize(32);
        assertThat(service.isAlive()).as("the child JVM after 32 logins").isTrue();
        assertThat(Files.readString(log)).doesNotContain("java.lang.OutOfMemoryError");
    }

    private List<Integer> loginAtOnce(int first, int count) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                    .timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"" + email(i) + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private void seedAccounts(int count) throws SQLException {
        // one hash at the service's cost for all: the logins, not the seeding, are under test
        String hash = new Libargon2PasswordEncoder(19_456, 2, 1, 16, 32).encode(PASSWORD);
        try (Connection connection = DriverManager.getConnection(
                        PostgresTestDatabase.jdbcUrl(database),
                        PostgresTestDatabase.user(),
                        PostgresTestDatabase.password());
                PreparedStatement account = connection.prepareStatement(
                        "INSERT INTO user_account (id, email, display_name, password_hash, created_at, version) "
                                + "VALUES (?, ?, 'Heap Test', ?, now(), 0)");
                PreparedStatement role =
                        connection.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, 'USER')")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                account.setObject(1, id);
                account.setString(2, email(i));
                account.setString(3, hash);
                account.executeUpdate();
                role.setObject(1, id);
                role.executeUpdate();
            }
        }
    }

    private static String email(int i) {
        return "heap-" + i + "@example.com";
    }

    private void awaitReady(Duration patience) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException(
                        "auth-service ended at startup (exit " + service.exitValue() + "):\n" + tail());
            }
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(base.resolve("/readyz"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("auth-service not ready within " + patience + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.mita.e2e.faults;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second budget-service process on the stack's database and broker (its own port), as a scaled-out deployment
 * would run it: both instances write to one outbox and both run a relay. Started from the jar the stack runs;
 * stopped with SIGTERM on {@link #close()}.
 */
final class SecondBudgetInstance implements AutoCloseable {

    static final int PORT = Integer.getInteger("mita.faults.second-budget-port", 18182);

    private final Process process;

    private SecondBudgetInstance(Process process) {
        this.process = process;
    }

    static SecondBudgetInstance start() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("mita.stack.command", "../infra/local/mita"))
                .toAbsolutePath()
                .getParent()
                .getParent()
                .getParent();
        Path jar = root.resolve("budget-service/target/budget-service-0.1.0-SNAPSHOT-exec.jar");
        Path log = root.resolve("e2e-tests/target/second-budget-instance.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                "-Xmx160m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dmita.module=budget-service-2",
                "-jar",
                jar.toString(),
                "--server.port=" + PORT,
                "--management.server.port=" + (PORT + 1000)));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SecondBudgetInstance instance = new SecondBudgetInstance(process);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!instance.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                instance.close();
                throw new IllegalStateException("the second budget-service did not become ready; see " + log);
            }
            Thread.sleep(500);
        }
        return instance;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + PORT;
    }

    private boolean ready() throws InterruptedException {
        try {
            return HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

package io.mita.e2e;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the machine's Redis (127.0.0.1:6379) with its own commands, for the test that the
 * gateway survives a Redis outage. The start command is the one the machine and CI use.
 */
final class LocalRedis {

    private static final String PORT = System.getenv().getOrDefault("MITA_REDIS_PORT", "6379");

    static void stop() throws IOException, InterruptedException {
        run(List.of("redis-cli", "-h", "127.0.0.1", "-p", PORT, "shutdown", "nosave"));
        if (ping()) {
            throw new IllegalStateException("Redis still answers after shutdown");
        }
    }

    static void start() throws IOException, InterruptedException {
        run(List.of(
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "-::1",
                "--port",
                PORT,
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                "/var/lib/redis",
                "--logfile",
                "/var/log/redis/ci.log"));
        for (int attempt = 0; attempt < 50 && !ping(); attempt++) {
            Thread.sleep(100);
        }
        if (!ping()) {
            throw new IllegalStateException("Redis did not come back on port " + PORT);
        }
    }

    private static boolean ping() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-cli", "-h", "127.0.0.1", "-p", PORT, "ping")
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor(5, TimeUnit.SECONDS);
        return out.equals("PONG");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private LocalRedis() {}
}

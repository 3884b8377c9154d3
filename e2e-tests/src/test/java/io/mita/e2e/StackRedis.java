package io.mita.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the local stack's own Redis (the one {@code infra/local/mita up} started for the
 * gateway, on {@code MITA_STACK_REDIS_PORT}) through the stack's script, for the test that the gateway
 * survives a Redis outage. The machine's own Redis is never touched.
 */
final class StackRedis {

    private static final String STACK_COMMAND = System.getProperty(
            "mita.stack.command",
            Path.of("..", "infra", "local", "mita").toAbsolutePath().normalize().toString());

    static void stop() throws IOException, InterruptedException {
        run("stop");
    }

    static void start() throws IOException, InterruptedException {
        run("start");
    }

    private static void run(String action) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(STACK_COMMAND, "redis", action))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("mita redis " + action + " did not finish: " + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "mita redis " + action + " failed (" + process.exitValue() + "): " + output);
        }
    }

    private StackRedis() {}
}

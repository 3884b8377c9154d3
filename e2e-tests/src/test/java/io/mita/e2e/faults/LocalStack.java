package io.mita.e2e.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The running local stack's parts, killed, stopped and started with {@code infra/local/mita} — the same real
 * processes the end-to-end suite talks to. Each call waits for the script: {@code start} returns once the part is
 * ready again.
 */
final class LocalStack {

    private static final Path COMMAND = Path.of(System.getProperty("mita.stack.command", "../infra/local/mita"));
    private static final Path PID_DIR = COMMAND.toAbsolutePath()
            .getParent()
            .getParent()
            .getParent()
            .resolve(Optional.ofNullable(System.getenv("MITA_WORK_DIR")).orElse(".mita"))
            .resolve("pids");

    /** SIGKILL, as a crash would. */
    static void kill(String part) {
        run("kill", part);
    }

    /** SIGTERM: the part shuts down gracefully. */
    static void stop(String part) {
        run("stop", part);
    }

    /** Starts the part again with the environment of the stack's start and waits until it is ready. */
    static void start(String part) {
        run("start", part);
    }

    /** The pid of a running part, from the stack's pid file. */
    static long pid(String part) {
        try {
            return Long.parseLong(
                    Files.readString(PID_DIR.resolve(part + ".pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException(part + " has no pid file in " + PID_DIR, e);
        }
    }

    private static void run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(COMMAND.toString());
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
            }
            String text = new String(output, StandardCharsets.UTF_8).trim();
            System.out.println(text);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed (" + process.exitValue() + "): " + text);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private LocalStack() {}
}

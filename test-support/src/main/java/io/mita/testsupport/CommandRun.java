package io.mita.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a command line printed and how it ended, for tests of the project's scripts (the runbooks'
 * {@code rebuild-projections.sh}): {@code CommandRun.of(builder, Duration.ofMinutes(5))}. The caller sets up the
 * {@link ProcessBuilder} (command, environment); this reads both streams to the end on their own threads (a chatty
 * command cannot block on a full pipe) and kills a command that outlives {@code timeout}.
 *
 * <p>Only the JDK: e2e-tests uses this class without test-support's Spring and Kafka dependencies.
 */
public record CommandRun(int status, String stdout, String stderr) {

    public static CommandRun of(ProcessBuilder builder, Duration timeout) {
        String command = String.join(" ", builder.command());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        try {
            CompletableFuture<String> stdout = readAll(process.getInputStream());
            CompletableFuture<String> stderr = readAll(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            return new CommandRun(
                    process.exitValue(), stdout.get(1, TimeUnit.MINUTES), stderr.get(1, TimeUnit.MINUTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read what " + command + " printed", e);
        } finally {
            process.destroyForcibly();
        }
    }

    /** On a thread of its own: a shared pool's threads may all be busy reading other streams. */
    private static CompletableFuture<String> readAll(InputStream stream) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (stream) {
                        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                task -> {
                    Thread reader = new Thread(task, "command-run");
                    reader.setDaemon(true);
                    reader.start();
                });
    }
}

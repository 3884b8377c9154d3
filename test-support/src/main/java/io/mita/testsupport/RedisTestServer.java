package io.mita.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.GenericContainer;

/**
 * The one decision of where integration tests get Redis: a Testcontainers Redis when a Docker engine
 * answers (the same check as {@link KafkaTestBroker}), otherwise a {@code redis-server} process of the
 * test JVM's own on a free loopback port, persisting nothing ({@code --save "" --appendonly no}) and
 * stopped when the JVM exits. The machine's own Redis (6379) is never used, stopped or changed.
 * Started once per JVM and shared; tests keep their keys apart with prefixes of their own.
 */
public final class RedisTestServer {

    static final String REDIS_IMAGE = "redis:7.4-alpine";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static volatile InetSocketAddress address;

    private RedisTestServer() {}

    public static String host() {
        return address().getHostString();
    }

    public static int port() {
        return address().getPort();
    }

    private static InetSocketAddress address() {
        if (address == null) {
            synchronized (RedisTestServer.class) {
                if (address == null) {
                    address = KafkaTestBroker.dockerAvailable() ? startContainer() : startProcess();
                }
            }
        }
        return address;
    }

    private static InetSocketAddress startContainer() {
        GenericContainer<?> container = new GenericContainer<>(REDIS_IMAGE)
                .withExposedPorts(6379)
                .withCommand("redis-server", "--save", "", "--appendonly", "no");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "redis-test-container-stop"));
        return InetSocketAddress.createUnresolved(container.getHost(), container.getMappedPort(6379));
    }

    private static InetSocketAddress startProcess() {
        try {
            int port = freePort();
            Path dir = Files.createTempDirectory("mita-test-redis-");
            Process process = new ProcessBuilder(command(port, dir))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "redis-test-server-stop"));
            awaitPong(process, port, dir);
            return InetSocketAddress.createUnresolved("127.0.0.1", port);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start redis-server for the tests (install Debian's redis-server package)", e);
        }
    }

    static List<String> command(int port, Path dir) {
        return List.of(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString(),
                "--daemonize",
                "no");
    }

    private static void awaitPong(Process process, int port, Path dir) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("redis.log")));
            }
            if (answersPing(port)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting redis-server", e);
            }
        }
        stop(process);
        throw new IllegalStateException("redis-server did not answer on port " + port + " within " + START_TIMEOUT);
    }

    static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

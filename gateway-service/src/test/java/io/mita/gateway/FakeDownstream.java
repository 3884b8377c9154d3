package io.mita.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for a downstream service (the real ones are exercised by the e2e suite): records every
 * request it receives and answers by the path's last segment —
 * {@code unavailable} 503, {@code fail-once-*} 503 the first time then 200, {@code slow} after 1.5 s,
 * {@code stream} two Server-Sent Events 1.2 s apart, {@code with-own-security-headers} 200 with its own
 * (weaker) security headers, {@code with-own-cors-headers} 200 with a CORS wildcard, anything else 200 with a small JSON body.
 * Like every MITA service it answers with the {@code X-Correlation-Id} it received. A request whose body
 * could not be read to its end (the gateway aborted it) is recorded as incomplete, with the bytes that arrived.
 */
final class FakeDownstream {

    static final long SLOW_MILLIS = 1_500;
    static final long STREAM_GAP_MILLIS = 1_200;

    record ReceivedRequest(
            String method,
            String path,
            String query,
            Map<String, List<String>> headers,
            long bodyLength,
            boolean complete) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        boolean hasHeader(String name) {
            return headers.containsKey(name);
        }
    }

    private final HttpServer server;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    private FakeDownstream(HttpServer server) {
        this.server = server;
    }

    static FakeDownstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeDownstream downstream = new FakeDownstream(server);
            server.createContext("/", downstream::handle);
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-downstream");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return downstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nobody listens on: a downstream service that is down. */
    static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedRequest> receivedAt(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            long bodyLength = 0;
            boolean complete = true;
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
                    bodyLength += read;
                }
            } catch (IOException aborted) {
                complete = false;
            }
            URI uri = exchange.getRequestURI();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            received.add(new ReceivedRequest(
                    exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers, bodyLength, complete));
            if (!complete) {
                return;
            }

            String path = uri.getPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (last.equals("unavailable") || (last.startsWith("fail-once-") && failedOnce.add(path))) {
                respond(exchange, 503, "{\"status\":503}");
            } else if (last.equals("slow")) {
                pause(SLOW_MILLIS);
                respond(exchange, 200, "{\"slow\":true}");
            } else if (last.equals("stream")) {
                stream(exchange);
            } else if (last.equals("with-own-cors-headers")) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
                exchange.getResponseHeaders().set("Access-Control-Expose-Headers", "X-Internal");
                respond(exchange, 200, "{\"path\":\"" + path + "\"}");
            } else if (last.equals("with-own-security-headers")) {
                exchange.getResponseHeaders().set("X-Frame-Options", "SAMEORIGIN");
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'");
                exchange.getResponseHeaders().set("Referrer-Policy", "origin");
                respond(exchange, 200, "{\"path\":\"" + path + "\"}");
            } else {
                respond(exchange, 200, "{\"path\":\"" + path + "\"}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
        if (correlationId != null) {
            exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("data:one\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        pause(STREAM_GAP_MILLIS);
        out.write("data:two\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

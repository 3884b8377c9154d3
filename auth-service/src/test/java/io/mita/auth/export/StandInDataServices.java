package io.mita.auth.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server (the JDK's) standing in for budget-, ocr-, insights- and notification-service in auth-service's
 * tests: {@code GET /api/<service>/me/export} answers a small document for the token's subject, or 500 for a
 * (service, user) told to fail, or waits while a user is held. It records every request's path and token claims.
 */
final class StandInDataServices implements AutoCloseable {

    static final List<String> SERVICES = List.of("budget", "ocr", "insights", "notification");
    /** The paths the four services answer an export on: one request each is one build. */
    static final List<String> EXPORT_PATHS = List.of(
            "/api/budget/me/export", "/api/ocr/me/export", "/api/insights/me/export", "/api/notifications/me/export");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final Map<String, Integer> large = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String path, JsonNode claims) {}

    StandInDataServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** Points auth-service's export at these stand-ins ({@code mita.auth.export.services.*}). */
    void answerForEveryService(DynamicPropertyRegistry registry) {
        for (String service : SERVICES) {
            registry.add("mita.auth.export.services." + service, this::baseUrl);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code service}'s export answers 500 for this user. */
    void failFor(String service, String userId) {
        failing.add(service + "/" + userId);
    }

    /** {@code service}'s export for this user carries {@code bytes} more of random text (an archive of many chunks). */
    void largeFor(String service, String userId, int bytes) {
        large.put(service + "/" + userId, bytes);
    }

    /** Every export request of this user waits until {@link #release}. */
    void hold(String userId) {
        held.put(userId, new CountDownLatch(1));
    }

    void release(String userId) {
        CountDownLatch latch = held.remove(userId);
        if (latch != null) {
            latch.countDown();
        }
    }

    List<Received> receivedFor(String userId) {
        return received.stream()
                .filter(r -> userId.equals(r.claims().path("sub").asString()))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                respond(exchange, 401, "{}");
                return;
            }
            String[] jwt = authorization.substring("Bearer ".length()).split("\\.");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
            received.add(new Received(path, claims));
            String user = claims.path("sub").asString();
            String service = SERVICES.stream()
                    .filter(s -> path.equals(ServiceExportClient.pathOf(s)))
                    .findFirst()
                    .orElse(null);
            if (service == null) {
                respond(exchange, 404, "{}");
                return;
            }
            CountDownLatch latch = held.get(user);
            if (latch != null) {
                latch.await(60, TimeUnit.SECONDS);
            }
            if (failing.contains(service + "/" + user)) {
                respond(exchange, 500, "{\"code\":\"BOOM\"}");
                return;
            }
            Integer padding = large.get(service + "/" + user);
            if (padding != null) {
                byte[] random = new byte[padding * 3 / 4];
                new java.util.Random(padding).nextBytes(random);
                respond(exchange, 200, """
                        {"service":"%s","userId":"%s","rows":[{"note":"%s"}]}""".formatted(
                                service, user, Base64.getEncoder().encodeToString(random)));
                return;
            }
            respond(exchange, 200, """
                    {"service":"%s","userId":"%s","exportedAt":"2026-11-30T10:15:30Z","rows":[{"note":"of %s"}]}""".formatted(service, user, service));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        held.values().forEach(CountDownLatch::countDown);
        server.stop(0);
    }
}

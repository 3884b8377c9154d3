package io.mita.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The fault suite's flake, on purpose: budget's route points at a service that reads a create, records it (deduplicated
 * by its {@code Idempotency-Key}, as budget-service does) and then closes the connection without a byte of an answer,
 * the first time a path is asked; the second time it answers. The gateway must send a keyed POST once more, so the
 * app gets 201 and the resource exists once; a POST without the key, one that got an answer, or one to a service that
 * does not honour the key (ocr's route, pointed at the same service) is not sent again.
 */
class KeyedRetryIT extends GatewayTestSupport {

    private static final ClosingService SERVICE = ClosingService.start();

    @DynamicPropertySource
    static void budgetRoutedToTheClosingService(DynamicPropertyRegistry registry) {
        registry.add("mita.gateway.routes.budget.uri", SERVICE::uri);
        registry.add("mita.gateway.routes.ocr.uri", SERVICE::uri);
    }

    @AfterAll
    static void stopTheClosingService() {
        SERVICE.server.stop(0);
    }

    @Test
    void aKeyedPostWhoseConnectionClosedBeforeAnyAnswerIsSentOnceMoreAnsweredCreatedAndStoredOnce() {
        String path = "/api/budget/transactions/" + UUID.randomUUID() + "/closes-before-answering-once";
        String key = UUID.randomUUID().toString();
        double retriesBefore = keyedRetries();

        String location = post(path, key)
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(HttpHeaders.LOCATION);

        List<Received> received = SERVICE.receivedAt(path);
        assertThat(received).hasSize(2).allSatisfy(request -> {
            assertThat(request.key()).isEqualTo(key);
            assertThat(request.body()).isEqualTo(BODY);
        });
        // both tries carried the key, so the service kept one resource: the one the first try made
        assertThat(location).isEqualTo("/api/budget/transactions/" + SERVICE.created.get(key));
        assertThat(keyedRetries() - retriesBefore).isEqualTo(1.0);
    }

    @Test
    void aPostWithoutAKeyWhoseConnectionClosedBeforeAnyAnswerIsAnsweredUpstreamUnavailableAndNotSentAgain() {
        String path = "/api/budget/transactions/" + UUID.randomUUID() + "/closes-before-answering-once";

        expectProblem(post(path, null), HttpStatus.SERVICE_UNAVAILABLE, "GATEWAY_UPSTREAM_UNAVAILABLE");

        assertThat(SERVICE.receivedAt(path)).hasSize(1);
    }

    @Test
    void aKeyedPostToAServiceThatDoesNotHonourTheKeyIsNotSentAgainWhenItsConnectionClosedBeforeAnyAnswer() {
        // ocr-service ignores Idempotency-Key: a second try could store a second receipt
        String path = "/api/ocr/receipts/" + UUID.randomUUID() + "/closes-before-answering-once";
        double retriesBefore = keyedRetries();

        expectProblem(
                post(path, UUID.randomUUID().toString()),
                HttpStatus.SERVICE_UNAVAILABLE,
                "GATEWAY_UPSTREAM_UNAVAILABLE");

        assertThat(SERVICE.receivedAt(path)).hasSize(1);
        assertThat(keyedRetries() - retriesBefore).isZero();
    }

    @Test
    void aKeyedPostAnsweredWithA5xxIsPassedOnAndNotSentAgain() {
        String path = "/api/budget/transactions/" + UUID.randomUUID() + "/answers-503";

        post(path, UUID.randomUUID().toString()).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        assertThat(SERVICE.receivedAt(path)).hasSize(1);
    }

    private static final String BODY = "{\"type\":\"EXPENSE\",\"amount\":\"12.50\",\"currency\":\"EUR\"}";

    private WebTestClient.ResponseSpec post(String path, String key) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .header("X-Forwarded-For", newClientIp())
                .headers(headers -> {
                    if (key != null) {
                        headers.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(BODY)
                .exchange();
    }

    private double keyedRetries() {
        return meters.find("mita.gateway.keyed.retries").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    record Received(String path, String key, String body) {}

    /**
     * Answers by the path's last segment: {@code closes-before-answering-once} records the create under its key (or
     * its path, without one) and closes the connection without answering the first time, then answers 201 with the
     * resource the key made; {@code answers-503} answers 503.
     */
    static final class ClosingService {

        final HttpServer server;
        final List<Received> received = new CopyOnWriteArrayList<>();
        final Map<String, UUID> created = new ConcurrentHashMap<>();

        private ClosingService(HttpServer server) {
            this.server = server;
        }

        static ClosingService start() {
            try {
                ClosingService service =
                        new ClosingService(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
                service.server.createContext("/", service::handle);
                service.server.setExecutor(Executors.newCachedThreadPool());
                service.server.start();
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        List<Received> receivedAt(String path) {
            return received.stream()
                    .filter(request -> request.path().equals(path))
                    .toList();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(path, key, body));
                if (path.endsWith("/answers-503")) {
                    answer(exchange, 503, "{\"status\":503}");
                    return;
                }
                String claim = key != null ? key : path;
                boolean firstTry = !created.containsKey(claim);
                UUID id = created.computeIfAbsent(claim, ignored -> UUID.randomUUID());
                if (firstTry) {
                    // closing the exchange before its response headers closes the connection: no byte of an answer
                    return;
                }
                exchange.getResponseHeaders().set("Location", "/api/budget/transactions/" + id);
                answer(exchange, 201, "{\"id\":\"" + id + "\"}");
            }
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}

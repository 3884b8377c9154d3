package io.mita.insights.narrative;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A chat-completions server on loopback (JDK HttpServer) that answers from a script: each request takes the next
 * scripted answer (the last one repeats), after its delay. Records every request's body and headers.
 */
final class FakeChatServer implements AutoCloseable {

    record Answer(int status, String body, long delayMillis) {}

    record Request(String body, Map<String, List<String>> headers) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer last = new Answer(500, "{}", 0);
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    FakeChatServer answers(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    static Answer ok(String content, int promptTokens, int completionTokens) {
        return new Answer(
                200, """
                {"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",\
                "content":"%s"},"finish_reason":"stop"}],"usage":{"prompt_tokens":%d,"completion_tokens":%d,\
                "total_tokens":%d}}""".formatted(content, promptTokens, completionTokens, promptTokens + completionTokens), 0);
    }

    static Answer status(int status) {
        return new Answer(status, "{\"error\":{\"message\":\"unavailable\"}}", 0);
    }

    static Answer slow(long delayMillis) {
        return new Answer(200, ok("late", 1, 1).body(), delayMillis);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(body, Map.copyOf(exchange.getRequestHeaders())));
        Answer next = script.poll();
        if (next == null) {
            next = last;
        } else {
            last = next;
        }
        try {
            Thread.sleep(next.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(next.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the client timed out and closed the connection
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

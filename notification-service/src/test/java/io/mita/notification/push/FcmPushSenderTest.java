package io.mita.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The FCM HTTP v1 adapter against a fake FCM (and token endpoint) on a local JDK HTTP server. */
class FcmPushSenderTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    HttpServer server;
    KeyPair keys;
    final List<String> sendBodies = new CopyOnWriteArrayList<>();
    final List<String> sendAuthorizations = new CopyOnWriteArrayList<>();
    final List<String> assertions = new CopyOnWriteArrayList<>();
    final AtomicInteger tokenCalls = new AtomicInteger();
    final AtomicInteger sendCalls = new AtomicInteger();
    final AtomicReference<Integer> sendStatus = new AtomicReference<>(200);
    final AtomicReference<Duration> sendDelay = new AtomicReference<>(Duration.ZERO);

    @BeforeEach
    void fakeFcm() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/token", exchange -> {
            tokenCalls.incrementAndGet();
            String form = read(exchange);
            for (String pair : form.split("&")) {
                if (pair.startsWith("assertion=")) {
                    assertions.add(URLDecoder.decode(pair.substring(10), StandardCharsets.UTF_8));
                }
            }
            answer(exchange, 200, "{\"access_token\":\"ya29.fake-" + tokenCalls.get() + "\",\"expires_in\":3599}");
        });
        server.createContext("/v1/projects/mita-test/messages:send", exchange -> {
            sendCalls.incrementAndGet();
            sendAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            sendBodies.add(read(exchange));
            try {
                Thread.sleep(sendDelay.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = sendStatus.get();
            answer(
                    exchange,
                    status,
                    status == 200
                            ? "{\"name\":\"projects/mita-test/messages/1\"}"
                            : "{\"error\":{\"status\":\"" + (status == 404 ? "NOT_FOUND" : "INTERNAL") + "\"}}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aMessageGoesToFcmWithAnAccessTokenGotBySignedGrantAndTheTokenIsKept() throws Exception {
        FcmPushSender sender = sender(CircuitBreaker.of("fcm", PushConfiguration.breakerConfig()));

        sender.send(new PushMessage("device-1", "Goal reached: Bike", "Well done!", "GOAL_COMPLETED"))
                .block(Duration.ofSeconds(30));
        sender.send(new PushMessage("device-2", "t", "b", "INSIGHT")).block(Duration.ofSeconds(30));

        assertThat(tokenCalls).hasValue(1);
        assertThat(sendAuthorizations).containsOnly("Bearer ya29.fake-1");
        JsonNode message = JSON.readTree(sendBodies.get(0)).get("message");
        assertThat(message.get("token").asString()).isEqualTo("device-1");
        assertThat(message.get("notification").get("title").asString()).isEqualTo("Goal reached: Bike");
        assertThat(message.get("data").get("kind").asString()).isEqualTo("GOAL_COMPLETED");

        String[] jwt = assertions.get(0).split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.get("iss").asString()).isEqualTo("push@mita-test.iam.gserviceaccount.com");
        assertThat(claims.get("scope").asString()).isEqualTo(FcmAccessTokens.SCOPE);
        assertThat(claims.get("aud").asString()).endsWith("/token");
    }

    @Test
    void anUnregisteredDeviceIsReportedAsGoneAndDoesNotOpenTheCircuit() {
        CircuitBreaker breaker = CircuitBreaker.of("fcm", PushConfiguration.breakerConfig());
        FcmPushSender sender = sender(breaker);
        sendStatus.set(404);

        for (int i = 0; i < 15; i++) {
            assertThatThrownBy(() -> sender.send(message()).block(Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(
                            PushDeliveryException.class,
                            failure -> assertThat(failure.unregistered()).isTrue());
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(sendCalls).hasValue(15);
    }

    @Test
    void failingFcmOpensTheCircuitAndThenCallsFailWithoutReachingIt() {
        CircuitBreaker breaker = CircuitBreaker.of("fcm", PushConfiguration.breakerConfig());
        FcmPushSender sender = sender(breaker);
        sendStatus.set(503);

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> sender.send(message()).block(Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(PushDeliveryException.class, failure -> {
                        assertThat(failure.unregistered()).isFalse();
                        assertThat(failure.getMessage()).contains("503");
                    });
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int reached = sendCalls.get();

        assertThatThrownBy(() -> sender.send(message()).block(Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(
                        PushDeliveryException.class,
                        failure -> assertThat(failure.getMessage()).isEqualTo("FCM circuit open"));
        assertThat(sendCalls).hasValue(reached);
    }

    @Test
    void anFcmThatDoesNotAnswerInTimeFailsTheSendAsTransient() {
        sendDelay.set(Duration.ofSeconds(3));
        FcmPushSender sender = new FcmPushSender(
                WebClient.builder().baseUrl(base()).build(),
                tokens(),
                "mita-test",
                Duration.ofMillis(500),
                CircuitBreaker.of("fcm", PushConfiguration.breakerConfig()));

        assertThatThrownBy(() -> sender.send(message()).block(Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(PushDeliveryException.class, failure -> {
                    assertThat(failure.unregistered()).isFalse();
                    assertThat(failure.getMessage()).contains("in time");
                });
    }

    @Test
    void anUnreadableKeyFileFailsTheStart() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"client_email\":\"x\"}");
        assertThatThrownBy(() -> FcmAccessTokens.fromFile(broken, WebClient.create(), JSON, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be read");
    }

    private FcmPushSender sender(CircuitBreaker breaker) {
        return new FcmPushSender(
                WebClient.builder().baseUrl(base()).build(), tokens(), "mita-test", Duration.ofSeconds(10), breaker);
    }

    private FcmAccessTokens tokens() {
        try {
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path key = dir.resolve("service-account.json");
            Files.writeString(
                    key,
                    JSON.writeValueAsString(Map.of(
                            "type",
                            "service_account",
                            "client_email",
                            "push@mita-test.iam.gserviceaccount.com",
                            "private_key",
                            pem,
                            "token_uri",
                            base() + "/token")));
            return FcmAccessTokens.fromFile(key, WebClient.create(), JSON, Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static PushMessage message() {
        return new PushMessage("device", "t", "b", "INSIGHT");
    }

    private static String read(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

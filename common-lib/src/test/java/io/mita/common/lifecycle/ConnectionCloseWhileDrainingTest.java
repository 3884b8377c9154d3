package io.mita.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** Against a real Reactor Netty server: the connection a keep-alive client holds ends with the drain's answer. */
class ConnectionCloseWhileDrainingTest {

    private final ShutdownDrain drain = new ShutdownDrain(Duration.ZERO);
    private DisposableServer server;

    @BeforeEach
    void startServer() {
        var handler = WebHttpHandlerBuilder.webHandler(exchange -> exchange.getResponse()
                        .writeWith(
                                Mono.just(exchange.getResponse().bufferFactory().wrap("ok".getBytes()))))
                .filter(new ConnectionCloseWhileDraining(drain))
                .build();
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow();
        drain.start();
    }

    @AfterEach
    void stopServer() {
        server.disposeNow();
    }

    @Test
    void aRunningServerKeepsTheConnectionForTheNextRequest() throws IOException {
        try (Socket socket = connect()) {
            String first = exchange(socket);
            String second = exchange(socket);

            assertThat(first).startsWith("HTTP/1.1 200").doesNotContain("connection: close");
            assertThat(second).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aDrainingServerAnswersWithConnectionCloseAndClosesTheConnection() throws IOException {
        try (Socket socket = connect()) {
            exchange(socket);
            drain.stop();

            String answer = exchange(socket);

            assertThat(answer).startsWith("HTTP/1.1 200").contains("connection: close");
            assertThat(socket.getInputStream().read())
                    .as("end of stream after the answer")
                    .isEqualTo(-1);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    /** One keep-alive GET on {@code socket}; the answer's head and body, lower-cased. */
    private static String exchange(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        while (!answer.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\nok")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            answer.write(next);
        }
        return answer.toString(StandardCharsets.US_ASCII)
                .toLowerCase(Locale.ROOT)
                .replace("http/1.1", "HTTP/1.1");
    }
}

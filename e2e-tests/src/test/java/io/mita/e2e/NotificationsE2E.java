package io.mita.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

/**
 * Notifications through the gateway on the running stack: a whole password reset with the link read from the
 * stack's SMTP catcher (GreenMail's mail API), and the live stream opened through the gateway showing the user's
 * welcome notification.
 */
class NotificationsE2E {

    static final String MAIL_API = "http://127.0.0.1:" + System.getenv().getOrDefault("MITA_SMTP_WEB_PORT", "8025");
    static final Pattern RESET_TOKEN = Pattern.compile("reset-password\\?token=([A-Za-z0-9_\\-%.~]+)");

    private final MobileApp app = new MobileApp();
    private final HttpClient mailApi =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aForgottenPasswordIsResetWithTheLinkFromTheMailAndTheNewPasswordSignsIn() {
        MobileApp.Account account = app.register("forgetful");

        app.http
                .post()
                .uri("/api/auth/password-reset/request")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", account.email()))
                .exchange()
                .expectStatus()
                .isAccepted();

        String token = awaitResetToken(account.email());
        String newPassword = "a brand new passphrase " + System.nanoTime();
        app.http
                .post()
                .uri("/api/auth/password-reset/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", newPassword))
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(app.login(account.email(), newPassword)).isNotBlank();
        app.http
                .post()
                .uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", account.email(), "password", account.password()))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        // the link works once
        app.http
                .post()
                .uri("/api/auth/password-reset/confirm")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", newPassword + " again"))
                .exchange()
                .expectStatus()
                .is4xxClientError();
    }

    @Test
    void theStreamOpenedThroughTheGatewayShowsTheWelcomeNotification() throws InterruptedException {
        MobileApp.Account account = app.register("streamer");
        String token = app.login(account);
        BlockingQueue<ServerSentEvent<String>> received = new LinkedBlockingQueue<>();

        // Last-Event-ID 0: whether the registration was consumed before or after the stream opened, it arrives
        Disposable stream = app.http
                .mutate()
                .responseTimeout(Duration.ofMinutes(2))
                .build()
                .get()
                .uri("/api/notifications/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.set("Last-Event-ID", "0");
                })
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {})
                .getResponseBody()
                .filter(event -> event.data() != null)
                .subscribe(received::add);
        try {
            ServerSentEvent<String> welcome = received.poll(90, TimeUnit.SECONDS);
            assertThat(welcome).as("the welcome notification within 90 s").isNotNull();
            assertThat(welcome.event()).isEqualTo("notification");
            assertThat(welcome.data()).contains("\"kind\":\"WELCOME\"").contains("Welcome to MITA");
        } finally {
            stream.dispose();
        }
        app.http
                .get()
                .uri("/api/notifications/unread-count")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(1);
    }

    /** The unsubscribe link of a mail works without a token: the gateway lets it through, the service checks it. */
    @Test
    void theUnsubscribeLinkReachesTheServiceWithoutATokenAndAForgedOneIsRefusedThere() {
        app.http
                .get()
                .uri("/api/notifications/unsubscribe?token=forged.token")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOTIFICATION_INVALID_UNSUBSCRIBE_TOKEN");
        app.http.get().uri("/api/notifications").exchange().expectStatus().isUnauthorized();
    }

    /** Reads the catcher's inbox of the address until the reset mail is there; answers the token of its link. */
    private String awaitResetToken(String address) {
        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String inbox = inbox(address);
                    // the raw MIME may be quoted-printable: undo soft line breaks and the encoded '='
                    String plain = inbox.replace("=\\r\\n", "")
                            .replace("=\r\n", "")
                            .replace("=\n", "")
                            .replace("=3D", "=");
                    Matcher matcher = RESET_TOKEN.matcher(plain);
                    if (matcher.find()) {
                        token[0] = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
                        return true;
                    }
                    return false;
                });
        return token[0];
    }

    private String inbox(String address) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(MAIL_API + "/api/user/" + address + "/messages/INBOX"))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        HttpResponse<String> response = mailApi.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "";
    }
}

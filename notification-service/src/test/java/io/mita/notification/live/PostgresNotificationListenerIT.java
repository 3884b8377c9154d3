package io.mita.notification.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The LISTEN side against the machine's PostgreSQL: a pg_notify of any connection reaches the user's client. */
class PostgresNotificationListenerIT {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @Test
    void aNotifyOnAnotherConnectionReachesTheClientOfItsUser() throws Exception {
        LiveNotifications live = new LiveNotifications(new SimpleMeterRegistry());
        PostgresNotificationListener listener =
                new PostgresNotificationListener(live, JsonMapper.builder().build(), URL, "postgres", "");
        UUID user = UUID.randomUUID();
        LiveNotifications.Client client = live.connect(user, 8);
        listener.start();
        try {
            var verifier = StepVerifier.create(client.notifications().take(1))
                    .assertNext(n -> assertThat(n.title()).isEqualTo("hello"))
                    .expectComplete()
                    .verifyLater();
            // the listener may not have run LISTEN yet: announce until the client has the notification
            java.util.concurrent.CompletableFuture<Void> done =
                    java.util.concurrent.CompletableFuture.runAsync(() -> verifier.verify(Duration.ofSeconds(30)));
            try (Connection other = DriverManager.getConnection(URL, "postgres", "")) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!done.isDone() && System.nanoTime() < deadline) {
                    try (PreparedStatement notify =
                            other.prepareStatement("SELECT pg_notify('mita_notification', ?)")) {
                        notify.setString(1, """
                                {"id":"%s","seq":1,"userId":"%s","kind":"INSIGHT","title":"hello","body":"b","createdAt":"%s"}""".formatted(UUID.randomUUID(), user, Instant.now()));
                        notify.execute();
                    }
                    Thread.sleep(200);
                }
            }
            done.join();
        } finally {
            listener.stop();
        }
    }
}

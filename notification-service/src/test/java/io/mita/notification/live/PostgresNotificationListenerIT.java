package io.mita.notification.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LISTEN side against the machine's PostgreSQL: a pg_notify of any connection reaches the user's client, and the
 * listening connection signs in as the service's role, not as the schema owner.
 */
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

    @Test
    void theListenerSignsInAsTheServicesRoleNotAsTheSchemaOwner() throws Exception {
        String role = "it_listener_" + UUID.randomUUID().toString().substring(0, 8);
        owner("CREATE ROLE " + role + " LOGIN");
        try {
            new ApplicationContextRunner()
                    .withBean(LiveNotifications.class, () -> new LiveNotifications(new SimpleMeterRegistry()))
                    .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
                    .withBean(PostgresNotificationListener.class)
                    .withPropertyValues(
                            "spring.flyway.url=" + URL,
                            "spring.flyway.user=postgres",
                            "spring.flyway.password=",
                            "spring.r2dbc.username=" + role,
                            "spring.r2dbc.password=")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        await().atMost(Duration.ofSeconds(30))
                                .untilAsserted(
                                        () -> assertThat(listeningRoles()).contains(role));
                    });
        } finally {
            owner("DROP ROLE IF EXISTS " + role);
        }
    }

    /** The roles of the sessions whose last statement was this service's LISTEN. */
    private static List<String> listeningRoles() throws SQLException {
        List<String> roles = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT usename FROM pg_stat_activity WHERE query = 'LISTEN mita_notification'")) {
            while (rows.next()) {
                roles.add(rows.getString(1));
            }
        }
        return roles;
    }

    private static void owner(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

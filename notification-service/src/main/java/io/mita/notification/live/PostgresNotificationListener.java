package io.mita.notification.live;

import io.mita.notification.feed.NotifyUser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the PostgreSQL channel {@value NotifyUser#CHANNEL}: every instance of this service holds one
 * connection that did {@code LISTEN}, so a notification stored by any instance (its {@code pg_notify} is
 * delivered when the storing transaction commits) reaches the SSE clients of every instance.
 *
 * <p>The connection is a plain JDBC one of its own (the driver Flyway uses), outside the R2DBC pool (so it takes
 * none of the pool's connections). It signs in as the service's role ({@code spring.r2dbc.username}, the role the
 * R2DBC pool uses), never as the schema owner Flyway migrates with ({@code spring.flyway.user}): {@code LISTEN}
 * needs no privilege, and a process that runs should hold no more than its pool does. Only the JDBC URL is
 * Flyway's, the same database in the form the JDBC driver reads. It is read by one daemon thread that blocks in
 * {@link PGConnection#getNotifications(int)}, the driver's own way to wait for notifications. When the connection
 * breaks it is opened again after a pause (doubling to 10 s); what was stored meanwhile reaches a client when it
 * reconnects with {@code Last-Event-ID}.
 */
@Component
class PostgresNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotificationListener.class);
    private static final int WAIT_MILLIS = 500;

    private final LiveNotifications live;
    private final JsonMapper json;
    private final String url;
    private final String user;
    private final String password;
    private volatile Thread thread;
    private volatile boolean running;

    PostgresNotificationListener(
            LiveNotifications live,
            JsonMapper json,
            @Value("${spring.flyway.url}") String url,
            @Value("${spring.r2dbc.username:}") String user,
            @Value("${spring.r2dbc.password:}") String password) {
        this.live = live;
        this.json = json;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread listener = new Thread(this::listen, "notification-listen");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    private void listen() {
        long pause = 500;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + NotifyUser.CHANNEL);
                }
                log.info("listening for new notifications on {}", NotifyUser.CHANNEL);
                pause = 500;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException failure) {
                if (!running) {
                    return;
                }
                log.warn(
                        "listening for new notifications failed, trying again in {} ms: {}", pause, failure.toString());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void dispatch(String payload) {
        LiveNotification notification = parse(payload);
        if (notification == null) {
            return;
        }
        try {
            live.dispatch(notification);
        } catch (RuntimeException unexpected) {
            log.warn("a new notification could not be handed to its stream clients: {}", unexpected.toString());
        }
    }

    private LiveNotification parse(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(payload);
            return new LiveNotification(
                    UUID.fromString(node.get("id").asString()),
                    node.get("seq").asLong(),
                    UUID.fromString(node.get("userId").asString()),
                    node.get("kind").asString(),
                    node.get("title").asString(),
                    node.get("body").asString(),
                    Instant.parse(node.get("createdAt").asString()),
                    node.hasNonNull("eventTime")
                            ? Instant.parse(node.get("eventTime").asString())
                            : null);
        } catch (RuntimeException unreadable) {
            log.warn("unreadable notification announcement ignored: {}", unreadable.toString());
            return null;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread listener = thread;
        thread = null;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2 * WAIT_MILLIS + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the database pool goes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}

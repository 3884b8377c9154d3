package io.mita.notification.live;

import io.mita.notification.feed.NotifyUser;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listens on the PostgreSQL channel {@value NotifyUser#CHANNEL}: every instance of this service holds one
 * connection that did {@code LISTEN}, so a notification stored by any instance (its {@code pg_notify} is
 * delivered when the storing transaction commits) reaches the SSE clients of every instance. The connection is
 * taken from the pool and kept; when it breaks it is taken again with back-off. Notifications stored while no
 * connection listened are not lost for a client: it gets them on reconnecting with {@code Last-Event-ID}.
 */
@Component
class PostgresNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotificationListener.class);

    private final ConnectionFactory connections;
    private final LiveNotifications live;
    private final JsonMapper json;
    private volatile Disposable listening;

    PostgresNotificationListener(ConnectionFactory connections, LiveNotifications live, JsonMapper json) {
        this.connections = connections;
        this.live = live;
        this.json = json;
    }

    @Override
    public void start() {
        if (isRunning()) {
            return;
        }
        listening = Flux.usingWhen(Mono.from(connections.create()), this::listen, Connection::close)
                .doOnSubscribe(subscription -> log.debug("listening on {}", NotifyUser.CHANNEL))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500))
                        .maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> log.warn(
                                "listening for new notifications failed, trying again: {}",
                                signal.failure().toString())))
                .repeatWhen(completions -> completions.delayElements(Duration.ofSeconds(1)))
                .subscribe(this::dispatch);
    }

    private Flux<LiveNotification> listen(Connection pooled) {
        PostgresqlConnection connection = unwrap(pooled);
        return connection
                .createStatement("LISTEN " + NotifyUser.CHANNEL)
                .execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .thenMany(connection.getNotifications())
                .doOnSubscribe(subscription -> log.info("listening for new notifications on {}", NotifyUser.CHANNEL))
                .mapNotNull(notification -> parse(notification.getParameter()));
    }

    private void dispatch(LiveNotification notification) {
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

    private static PostgresqlConnection unwrap(Connection connection) {
        Object current = connection;
        while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
            current = wrapped.unwrap();
        }
        if (current instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException(
                "not a PostgreSQL R2DBC connection: " + connection.getClass().getName());
    }

    @Override
    public void stop() {
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
        listening = null;
    }

    @Override
    public boolean isRunning() {
        Disposable current = listening;
        return current != null && !current.isDisposed();
    }

    /** Stops before the database pool goes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}

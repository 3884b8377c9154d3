package io.mita.notification.feed;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Table {@code notification}: the user's notifications. */
@Repository
public class NotificationRepository implements UnreadNotifications, Notifications {

    private static final String COLUMNS = "id, seq, user_id, kind, title, body, read_at, created_at, event_time";

    private final DatabaseClient database;

    NotificationRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Long> count(UUID userId) {
        return database.sql("""
                        SELECT count(*) AS unread FROM notification
                        WHERE user_id = :userId AND read_at IS NULL AND deleted_at IS NULL""")
                .bind("userId", userId)
                .map(row -> row.get("unread", Long.class))
                .one();
    }

    @Override
    public Flux<StoredNotification> page(UUID userId, boolean unreadOnly, Long beforeSeq, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM notification WHERE user_id = :userId AND deleted_at IS NULL"
                + (unreadOnly ? " AND read_at IS NULL" : "")
                + (beforeSeq != null ? " AND seq < :before" : "")
                + " ORDER BY seq DESC LIMIT :limit";
        var spec = database.sql(sql).bind("userId", userId).bind("limit", limit);
        if (beforeSeq != null) {
            spec = spec.bind("before", beforeSeq);
        }
        return spec.map(NotificationRepository::read).all();
    }

    /** The user's notifications after {@code afterSeq}, oldest first (the SSE replay), at most {@code limit}. */
    public Flux<StoredNotification> after(UUID userId, long afterSeq, int limit) {
        return database.sql("SELECT " + COLUMNS + " FROM notification"
                        + " WHERE user_id = :userId AND deleted_at IS NULL AND seq > :after ORDER BY seq LIMIT :limit")
                .bind("userId", userId)
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map(NotificationRepository::read)
                .all();
    }

    @Override
    public Mono<StoredNotification> find(UUID userId, UUID id) {
        return database.sql("SELECT " + COLUMNS
                        + " FROM notification WHERE id = :id AND user_id = :userId AND deleted_at IS NULL")
                .bind("id", id)
                .bind("userId", userId)
                .map(NotificationRepository::read)
                .one();
    }

    @Override
    public Mono<Boolean> markRead(UUID userId, UUID id) {
        return database.sql("""
                        UPDATE notification SET read_at = coalesce(read_at, now())
                        WHERE id = :id AND user_id = :userId AND deleted_at IS NULL""")
                .bind("id", id)
                .bind("userId", userId)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Long> markAllRead(UUID userId) {
        return database.sql("""
                        UPDATE notification SET read_at = now()
                        WHERE user_id = :userId AND read_at IS NULL AND deleted_at IS NULL""").bind("userId", userId).fetch().rowsUpdated();
    }

    @Override
    public Mono<Boolean> delete(UUID userId, UUID id) {
        return database.sql("""
                        UPDATE notification SET deleted_at = now()
                        WHERE id = :id AND user_id = :userId AND deleted_at IS NULL""")
                .bind("id", id)
                .bind("userId", userId)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Stores a new notification (inside the caller's transaction) and answers it with its seq. */
    Mono<StoredNotification> insert(
            UUID eventId, UUID userId, NotificationKind kind, NotificationTexts.Text text, Instant eventTime) {
        return database.sql("""
                        INSERT INTO notification (id, user_id, kind, title, body, event_id, event_time)
                        VALUES (:id, :userId, :kind, :title, :body, :eventId, :eventTime)
                        RETURNING""" + " " + COLUMNS)
                .bind("id", UUID.randomUUID())
                .bind("userId", userId)
                .bind("kind", kind.name())
                .bind("title", text.title())
                .bind("body", text.body())
                .bind("eventId", eventId)
                .bind(
                        "eventTime",
                        eventTime == null ? OffsetDateTime.now() : eventTime.atOffset(java.time.ZoneOffset.UTC))
                .map(NotificationRepository::read)
                .one();
    }

    private static StoredNotification read(Readable row) {
        return new StoredNotification(
                row.get("id", UUID.class),
                row.get("seq", Long.class),
                row.get("user_id", UUID.class),
                row.get("kind", String.class),
                row.get("title", String.class),
                row.get("body", String.class),
                instant(row.get("read_at", OffsetDateTime.class)),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("event_time", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

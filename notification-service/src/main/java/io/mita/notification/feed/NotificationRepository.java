package io.mita.notification.feed;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Table {@code notification}: the user's notifications. */
@Repository
class NotificationRepository implements UnreadNotifications {

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
}

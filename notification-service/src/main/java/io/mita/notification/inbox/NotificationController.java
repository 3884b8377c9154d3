package io.mita.notification.inbox;

import io.mita.common.security.CurrentUser;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final DatabaseClient database;

    NotificationController(DatabaseClient database) {
        this.database = database;
    }

    /** How many of the caller's notifications are unread (deleted ones do not count). */
    @GetMapping("/unread-count")
    Mono<UnreadCountResponse> unreadCount(CurrentUser user) {
        return database.sql("""
                        SELECT count(*) AS unread FROM notification
                        WHERE user_id = :userId AND read_at IS NULL AND deleted_at IS NULL""")
                .bind("userId", user.userId())
                .map(row -> new UnreadCountResponse(row.get("unread", Long.class)))
                .one();
    }

    record UnreadCountResponse(long count) {}
}

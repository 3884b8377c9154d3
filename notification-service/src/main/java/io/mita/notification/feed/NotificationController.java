package io.mita.notification.feed;

import io.mita.common.problem.ProblemException;
import io.mita.common.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The caller's notification feed (package {@code feed}: the user's notifications, not the processed-event inbox).
 * Only the owner's notifications: another user's id answers 404 like one that does not exist.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final UnreadNotifications unread;
    private final Notifications notifications;

    NotificationController(UnreadNotifications unread, Notifications notifications) {
        this.unread = unread;
        this.notifications = notifications;
    }

    /** Newest first; {@code nextCursor} is null on the last page. */
    @GetMapping
    Mono<NotificationPage> list(
            CurrentUser user,
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "Validation failed",
                    "limit must be between 1 and " + MAX_LIMIT));
        }
        Long before = cursor == null || cursor.isEmpty() ? null : NotificationCursor.decode(cursor);
        return notifications
                .page(user.userId(), unreadOnly, before, limit + 1)
                .map(NotificationResponse::of)
                .collectList()
                .map(items -> NotificationPage.of(items, limit));
    }

    @GetMapping("/{id}")
    Mono<NotificationResponse> get(CurrentUser user, @PathVariable UUID id) {
        return notifications
                .find(user.userId(), id)
                .map(NotificationResponse::of)
                .switchIfEmpty(Mono.error(NotificationNotFoundException::new));
    }

    @PostMapping("/{id}/read")
    Mono<ResponseEntity<Void>> markRead(CurrentUser user, @PathVariable UUID id) {
        return notifications
                .markRead(user.userId(), id)
                .flatMap(found -> found
                        ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(new NotificationNotFoundException()));
    }

    @PostMapping("/read-all")
    Mono<ReadAllResponse> readAll(CurrentUser user) {
        return notifications.markAllRead(user.userId()).map(ReadAllResponse::new);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(CurrentUser user, @PathVariable UUID id) {
        return notifications
                .delete(user.userId(), id)
                .flatMap(found -> found
                        ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(new NotificationNotFoundException()));
    }

    /** How many of the caller's notifications are unread (deleted ones do not count). */
    @GetMapping("/unread-count")
    Mono<UnreadCountResponse> unreadCount(CurrentUser user) {
        return unread.count(user.userId()).map(UnreadCountResponse::new);
    }

    record UnreadCountResponse(long count) {}

    record ReadAllResponse(long marked) {}

    record NotificationResponse(
            UUID id, long seq, String kind, String title, String body, boolean read, Instant createdAt) {

        static NotificationResponse of(StoredNotification stored) {
            return new NotificationResponse(
                    stored.id(),
                    stored.seq(),
                    stored.kind(),
                    stored.title(),
                    stored.body(),
                    stored.readAt() != null,
                    stored.createdAt());
        }
    }

    record NotificationPage(List<NotificationResponse> items, String nextCursor) {

        /** {@code fetched} holds up to limit + 1 items: one more than the page says there is a next page. */
        static NotificationPage of(List<NotificationResponse> fetched, int limit) {
            if (fetched.size() <= limit) {
                return new NotificationPage(fetched, null);
            }
            List<NotificationResponse> page = fetched.subList(0, limit);
            return new NotificationPage(
                    List.copyOf(page),
                    NotificationCursor.encode(page.get(page.size() - 1).seq()));
        }
    }
}

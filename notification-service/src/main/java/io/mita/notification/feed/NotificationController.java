package io.mita.notification.feed;

import io.mita.common.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The caller's notification feed (package {@code feed}: the user's notifications, not the processed-event inbox). */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final UnreadNotifications unread;

    NotificationController(UnreadNotifications unread) {
        this.unread = unread;
    }

    /** How many of the caller's notifications are unread (deleted ones do not count). */
    @GetMapping("/unread-count")
    Mono<UnreadCountResponse> unreadCount(CurrentUser user) {
        return unread.count(user.userId()).map(UnreadCountResponse::new);
    }

    record UnreadCountResponse(long count) {}
}

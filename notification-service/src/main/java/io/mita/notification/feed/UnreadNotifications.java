package io.mita.notification.feed;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** How many of a user's notifications are unread; deleted ones do not count. */
interface UnreadNotifications {

    Mono<Long> count(UUID userId);
}

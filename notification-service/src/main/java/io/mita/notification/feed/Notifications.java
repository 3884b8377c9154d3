package io.mita.notification.feed;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One user's notifications (never another's: every call names the owner; deleted ones are gone). */
interface Notifications {

    /** Newest first, those with a seq below {@code beforeSeq} (null: from the newest), at most {@code limit}. */
    Flux<StoredNotification> page(UUID userId, boolean unreadOnly, Long beforeSeq, int limit);

    Mono<StoredNotification> find(UUID userId, UUID id);

    /** True when the user has that notification (it is read now, or was already). */
    Mono<Boolean> markRead(UUID userId, UUID id);

    /** How many were unread and are read now. */
    Mono<Long> markAllRead(UUID userId);

    /** True when the user had that notification and it is deleted now. */
    Mono<Boolean> delete(UUID userId, UUID id);
}

package io.mita.notification.live;

import io.mita.notification.feed.NotificationRepository;
import io.mita.notification.feed.StoredNotification;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * One user's live stream: first what they missed after {@code Last-Event-ID} (from the table, oldest first),
 * then every new notification as it is announced. The client is registered before the replay is read, so a
 * notification stored meanwhile is in the buffer and shows once (ids are filtered to be increasing).
 */
@Service
class NotificationStream {

    private final LiveNotifications live;
    private final NotificationRepository notifications;
    private final StreamProperties properties;

    NotificationStream(LiveNotifications live, NotificationRepository notifications, StreamProperties properties) {
        this.live = live;
        this.notifications = notifications;
        this.properties = properties;
    }

    Flux<LiveNotification> open(UUID userId, Long lastEventId) {
        return Flux.defer(() -> {
            LiveNotifications.Client client = live.connect(userId, properties.bufferSize());
            AtomicLong last = new AtomicLong(lastEventId == null ? 0 : lastEventId);
            Flux<LiveNotification> replay = lastEventId == null
                    ? Flux.empty()
                    : notifications
                            .after(userId, lastEventId, properties.replayLimit())
                            .map(NotificationStream::live);
            return replay.concatWith(client.notifications())
                    .filter(notification -> notification.seq() > last.get())
                    .doOnNext(notification -> last.set(notification.seq()))
                    .doFinally(signal -> client.close());
        });
    }

    private static LiveNotification live(StoredNotification stored) {
        return new LiveNotification(
                stored.id(),
                stored.seq(),
                stored.userId(),
                stored.kind(),
                stored.title(),
                stored.body(),
                stored.createdAt(),
                stored.eventTime());
    }
}

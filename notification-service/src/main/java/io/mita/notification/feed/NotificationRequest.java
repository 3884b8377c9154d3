package io.mita.notification.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One event turned into a notification for one user: the kind, the arguments of its texts (in the order of the
 * message keys {@code <KIND>.title}/{@code <KIND>.body} in notifications/messages*.properties) and when the event
 * happened (delivery latency is measured from it).
 *
 * @param bodyKey the message key of the body when it is not {@code <KIND>.body} (e.g. the habit streak text)
 */
public record NotificationRequest(
        UUID eventId, UUID userId, NotificationKind kind, List<String> args, String bodyKey, Instant eventTime) {

    public NotificationRequest {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        args = List.copyOf(args);
        if (bodyKey == null) {
            bodyKey = kind.name() + ".body";
        }
    }

    public NotificationRequest(UUID eventId, UUID userId, NotificationKind kind, List<String> args, Instant eventTime) {
        this(eventId, userId, kind, args, null, eventTime);
    }
}

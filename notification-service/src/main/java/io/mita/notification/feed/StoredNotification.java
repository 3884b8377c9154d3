package io.mita.notification.feed;

import java.time.Instant;
import java.util.UUID;

/** A notification as stored; {@code seq} orders a user's notifications (cursor, SSE id). */
public record StoredNotification(
        UUID id,
        long seq,
        UUID userId,
        String kind,
        String title,
        String body,
        Instant readAt,
        Instant createdAt,
        Instant eventTime) {}

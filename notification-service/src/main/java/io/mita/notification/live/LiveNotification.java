package io.mita.notification.live;

import java.time.Instant;
import java.util.UUID;

/** A new notification as announced on the PostgreSQL channel, and as sent to SSE clients. */
record LiveNotification(
        UUID id, long seq, UUID userId, String kind, String title, String body, Instant createdAt, Instant eventTime) {}

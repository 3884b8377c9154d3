package io.mita.notification.mail;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code mail_queue}: an e-mail to write and send for one notification. */
public record QueuedMail(
        UUID id,
        UUID eventId,
        UUID userId,
        String kind,
        String locale,
        String title,
        String body,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant heldUntil,
        String lastError,
        Instant eventTime,
        Instant createdAt,
        Instant sentAt,
        Instant deadAt) {

    @Override
    public String toString() {
        return "QueuedMail[id=" + id + ", userId=" + userId + ", kind=" + kind + ", status=" + status + ", attempts="
                + attempts + "]";
    }
}

package io.mita.notification.live;

import io.mita.common.problem.ProblemException;
import io.mita.common.security.CurrentUser;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/notifications/stream}: Server-Sent Events of the caller's new notifications (event
 * {@code notification}, id = the notification's seq, data = JSON), a comment line every heartbeat, and after a
 * reconnect with {@code Last-Event-ID} what was stored meanwhile.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationStreamController {

    private final NotificationStream stream;
    private final StreamProperties properties;

    NotificationStreamController(NotificationStream stream, StreamProperties properties) {
        this.stream = stream;
        this.properties = properties;
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<StreamedNotification>> stream(
            CurrentUser user, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Long after = lastEventId(lastEventId);
        Flux<ServerSentEvent<StreamedNotification>> events = stream.open(user.userId(), after)
                .map(notification -> ServerSentEvent.builder(StreamedNotification.of(notification))
                        .id(Long.toString(notification.seq()))
                        .event("notification")
                        .build());
        Flux<ServerSentEvent<StreamedNotification>> heartbeats = Flux.interval(properties.heartbeat())
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<StreamedNotification>builder()
                        .comment("heartbeat")
                        .build());
        return Flux.merge(events, heartbeats);
    }

    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(header.strip());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException notOurs) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "NOTIFICATION_INVALID_LAST_EVENT_ID",
                    "Invalid Last-Event-ID",
                    "Last-Event-ID must be the id of an event this stream sent.");
        }
    }

    record StreamedNotification(UUID id, long seq, String kind, String title, String body, Instant createdAt) {

        static StreamedNotification of(LiveNotification notification) {
            return new StreamedNotification(
                    notification.id(),
                    notification.seq(),
                    notification.kind(),
                    notification.title(),
                    notification.body(),
                    notification.createdAt());
        }
    }
}

package io.mita.notification.push;

import io.mita.notification.feed.DeliveryMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a notification to each of the user's devices, after it was stored and off the listener thread: push is
 * best effort (a message lost in a crash is not sent again; the notification is in the feed either way). A
 * device the provider calls unregistered is forgotten. With push switched off ({@code MITA_PUSH_ENABLED}, the
 * default) nothing is sent.
 */
@Component
public class PushDelivery {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Optional<PushSender> sender;
    private final DeviceTokens devices;
    private final DeliveryMetrics metrics;

    PushDelivery(Optional<PushSender> sender, DeviceTokens devices, DeliveryMetrics metrics) {
        this.sender = sender;
        this.devices = devices;
        this.metrics = metrics;
    }

    public boolean enabled() {
        return sender.isPresent();
    }

    /** Starts the sends and returns at once. */
    public void deliver(UUID userId, String kind, String title, String body, Instant eventTime) {
        if (sender.isEmpty()) {
            return;
        }
        send(userId, kind, title, body, eventTime)
                .timeout(TIMEOUT)
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        done -> {},
                        failure -> log.warn(
                                "push delivery failed userId={} kind={} reason={}", userId, kind, failure.toString()));
    }

    Mono<Void> send(UUID userId, String kind, String title, String body, Instant eventTime) {
        PushSender push = sender.orElseThrow();
        return devices.of(userId)
                .flatMap(token -> push.send(new PushMessage(token, title, body, kind))
                        .then(Mono.fromRunnable(() -> metrics.sent("push", kind, eventTime)))
                        .onErrorResume(PushDeliveryException.class, failure -> {
                            metrics.failed("push", kind);
                            log.info(
                                    "push not delivered userId={} kind={} unregistered={} reason={}",
                                    userId,
                                    kind,
                                    failure.unregistered(),
                                    failure.getMessage());
                            return failure.unregistered() ? devices.forget(token) : Mono.empty();
                        }))
                .then();
    }
}

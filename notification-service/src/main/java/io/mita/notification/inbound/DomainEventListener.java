package io.mita.notification.inbound;

import io.cloudevents.CloudEvent;
import io.mita.common.erasure.ErasedUsers;
import io.mita.common.erasure.UserDataErasure;
import io.mita.common.events.EventPayloads;
import io.mita.common.events.NonRetryableEventException;
import io.mita.notification.feed.DeliveryMetrics;
import io.mita.notification.feed.NotificationKind;
import io.mita.notification.feed.NotificationRequest;
import io.mita.notification.feed.NotifyUser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns the events of other services into notifications (consumer group {@value #GROUP}, apart from the
 * password-reset mail's group so that each sees every record of {@code mita.auth.v1}). Types it does not notify
 * about are passed over and counted ({@code mita.notification.events.ignored}). A record that can never become a
 * notification (not a CloudEvent, an id that is no UUID, unreadable JSON, no user, a subject that is not the
 * payload's user) goes to {@code <topic>.dlt} at once through common-lib's error handler; the database being away
 * is retried until it is back. A redelivered event notifies no one twice (the processed-event inbox).
 *
 * <p>{@code user.erased} is handled here, not by common-lib's erasure listener, so that it stays in order with the
 * user's other {@code mita.auth.v1} events: common-lib's {@link UserDataErasure} runs this service's plan
 * ({@code erasure/ErasurePlan}) with the tombstone. An event about an erased user notifies nobody ({@link NotifyUser}
 * reads the tombstone under the user's lock) and records no habit day.
 */
@Component
class DomainEventListener {

    static final String GROUP = "notification-service-events";
    static final String AUTH = "mita.auth.v1";
    static final String BUDGET = "mita.budget.v1";
    static final String OCR = "mita.ocr.v1";
    static final String INSIGHTS = "mita.insights.v1";

    /** Below the listener container's shutdown timeout (10 s). */
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(DomainEventListener.class);

    private final EventPayloads payloads;
    private final NotifyUser notifyUser;
    private final HabitStreaks habits;
    private final DeliveryMetrics metrics;
    private final UserDataErasure erasure;
    private final ErasedUsers erasedUsers;

    DomainEventListener(
            EventPayloads payloads,
            NotifyUser notifyUser,
            HabitStreaks habits,
            DeliveryMetrics metrics,
            UserDataErasure erasure,
            ErasedUsers erasedUsers) {
        this.payloads = payloads;
        this.notifyUser = notifyUser;
        this.habits = habits;
        this.metrics = metrics;
        this.erasure = erasure;
        this.erasedUsers = erasedUsers;
    }

    @KafkaListener(
            id = "notification-events",
            topics = {AUTH, BUDGET, OCR, INSIGHTS},
            groupId = GROUP)
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null) {
            ignore(record, "no value");
            return;
        }
        if (erasure.asksForErasure(event)) {
            erasure.erase(event).contextCapture().block(TIMEOUT);
            return;
        }
        Mono<NotificationRequest> request = request(event);
        if (request == null) {
            ignore(record, event.getType());
            return;
        }
        // contextCapture(): the consumer's observation (the producer's trace) reaches the chain's log lines
        NotifyUser.Outcome outcome =
                request.flatMap(notifyUser::about).contextCapture().block(TIMEOUT);
        log.debug("event handled type={} id={} outcome={}", event.getType(), event.getId(), outcome);
    }

    private void ignore(ConsumerRecord<String, CloudEvent> record, String type) {
        metrics.ignored(record.topic());
        log.debug(
                "event passed over topic={} partition={} offset={} type={}",
                record.topic(),
                record.partition(),
                record.offset(),
                type);
    }

    /** The notification an event asks for, or null for a type this service does not notify about. */
    Mono<NotificationRequest> request(CloudEvent event) {
        String type = event.getType();
        if (type == null) {
            return null;
        }
        return switch (type) {
            case AccountLocked.TYPE -> {
                AccountLocked locked = payloads.read(event, AccountLocked.class);
                require(event, locked.userId(), "userId");
                require(event, locked.lockedUntil(), "lockedUntil");
                yield Mono.just(request(
                        event,
                        locked.userId(),
                        NotificationKind.ACCOUNT_LOCKED,
                        List.of(
                                String.valueOf(locked.failedAttempts() == null ? "" : locked.failedAttempts()),
                                MINUTE.format(locked.lockedUntil())),
                        null));
            }
            case UserRegistered.TYPE -> {
                UserRegistered registered = payloads.read(event, UserRegistered.class);
                require(event, registered.userId(), "userId");
                boolean named = registered.displayName() != null
                        && !registered.displayName().isBlank();
                yield Mono.just(request(
                        event,
                        registered.userId(),
                        NotificationKind.WELCOME,
                        List.of(named ? registered.displayName().strip() : ""),
                        named ? null : "WELCOME.body.anonymous"));
            }
            case ThresholdReached.TYPE -> {
                ThresholdReached threshold = payloads.read(event, ThresholdReached.class);
                require(event, threshold.userId(), "userId");
                require(event, threshold.percent(), "percent");
                require(event, threshold.category(), "category");
                yield Mono.just(request(
                        event,
                        threshold.userId(),
                        NotificationKind.BUDGET_THRESHOLD,
                        List.of(
                                String.valueOf(threshold.percent()),
                                threshold.category(),
                                text(threshold.month()),
                                text(threshold.spent()),
                                text(threshold.allocated()),
                                text(threshold.currency())),
                        null));
            }
            case GoalCompleted.TYPE -> {
                GoalCompleted goal = payloads.read(event, GoalCompleted.class);
                require(event, goal.userId(), "userId");
                require(event, goal.name(), "name");
                yield Mono.just(request(
                        event,
                        goal.userId(),
                        NotificationKind.GOAL_COMPLETED,
                        List.of(
                                goal.name(),
                                text(goal.savedAmount()),
                                text(goal.targetAmount()),
                                text(goal.currency())),
                        null));
            }
            case HabitCompleted.TYPE -> {
                HabitCompleted habit = payloads.read(event, HabitCompleted.class);
                require(event, habit.userId(), "userId");
                require(event, habit.habitId(), "habitId");
                require(event, habit.day(), "day");
                checkSubject(event, habit.userId());
                // an erased user's habit day is not recorded (NotifyUser would refuse the notification anyway)
                yield erasedUsers
                        .isErased(habit.userId())
                        .filter(erased -> !erased)
                        .flatMap(notErased -> habits.record(habit.habitId(), habit.userId(), habit.day()))
                        .map(streak -> request(
                                event,
                                habit.userId(),
                                NotificationKind.HABIT_COMPLETED,
                                List.of(habit.day().toString(), String.valueOf(streak)),
                                streak > 1 ? "HABIT_COMPLETED.body.streak" : null));
            }
            case InsightGenerated.TYPE -> {
                InsightGenerated insight = payloads.read(event, InsightGenerated.class);
                require(event, insight.userId(), "userId");
                require(event, insight.title(), "title");
                require(event, insight.text(), "text");
                if (!"HIGH".equals(insight.severity())) {
                    yield null; // only high-severity insights notify (the contract publishes no others)
                }
                yield Mono.just(request(
                        event,
                        insight.userId(),
                        NotificationKind.INSIGHT,
                        List.of(insight.title(), insight.text()),
                        null));
            }
            case ReceiptProcessed.TYPE -> {
                ReceiptProcessed receipt = payloads.read(event, ReceiptProcessed.class);
                require(event, receipt.userId(), "userId");
                yield Mono.just(request(
                        event,
                        receipt.userId(),
                        NotificationKind.RECEIPT_PROCESSED,
                        List.of(
                                receipt.merchant() == null ? "?" : receipt.merchant(),
                                text(receipt.total()),
                                text(receipt.currency()),
                                receipt.occurredOn() == null
                                        ? "?"
                                        : receipt.occurredOn().toString()),
                        null));
            }
            case ReceiptFailed.TYPE -> {
                ReceiptFailed receipt = payloads.read(event, ReceiptFailed.class);
                require(event, receipt.userId(), "userId");
                yield Mono.just(request(
                        event,
                        receipt.userId(),
                        NotificationKind.RECEIPT_FAILED,
                        List.of(String.valueOf(receipt.attempts() == null ? 1 : receipt.attempts())),
                        null));
            }
            default -> null;
        };
    }

    private static NotificationRequest request(
            CloudEvent event, UUID userId, NotificationKind kind, List<String> args, String bodyKey) {
        checkSubject(event, userId);
        Instant time = event.getTime() == null ? Instant.now() : event.getTime().toInstant();
        return new NotificationRequest(eventId(event), userId, kind, args, bodyKey, time);
    }

    private static void checkSubject(CloudEvent event, UUID userId) {
        if (event.getSubject() != null && !event.getSubject().equals(userId.toString())) {
            throw new NonRetryableEventException("event " + event.getId() + " of type " + event.getType()
                    + " is about subject " + event.getSubject() + ", its payload about user " + userId);
        }
    }

    private static void require(CloudEvent event, Object member, String name) {
        if (member == null || (member instanceof String text && text.isBlank())) {
            throw new NonRetryableEventException(
                    "event " + event.getId() + " of type " + event.getType() + " lacks " + name);
        }
    }

    private static String text(String value) {
        return Objects.requireNonNullElse(value, "?");
    }

    private static UUID eventId(CloudEvent event) {
        try {
            return UUID.fromString(event.getId());
        } catch (IllegalArgumentException notAUuid) {
            throw new NonRetryableEventException("event id is not a UUID: " + event.getId());
        }
    }
}

package io.mita.notification.feed;

import io.mita.common.erasure.ErasedUsers;
import io.mita.common.inbox.ProcessedEvents;
import io.mita.common.logging.LogContext;
import io.mita.notification.preference.Channel;
import io.mita.notification.preference.NotificationPreferences;
import io.mita.notification.preference.PreferenceRepository;
import io.mita.notification.push.PushDelivery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one event into what the user's preferences ask for, once per event id, in one transaction: the event
 * marked processed, the in-app notification stored (and announced on the PostgreSQL channel
 * {@value #CHANNEL}, delivered to every instance's SSE clients when the transaction commits), and the e-mail
 * queued (held until the quiet hours end). Nothing here talks to a mail server: {@code MailQueueSender} does,
 * outside the listener thread.
 *
 * <p>An event about a user whose account was erased causes nothing (no notification, mail or push) and is marked
 * processed: the transaction first takes the user's lock shared and reads the tombstone ({@link ErasedUsers}), so an
 * erasure running at that moment is waited for and whatever commits second sees the other's work.
 */
@Service
public class NotifyUser {

    /** The PostgreSQL LISTEN/NOTIFY channel of new notifications. */
    public static final String CHANNEL = "mita_notification";

    static final String CONSUMER = "notification-feed";

    private static final Logger log = LoggerFactory.getLogger(NotifyUser.class);

    private final PreferenceRepository preferences;
    private final NotificationRepository notifications;
    private final NotificationTexts texts;
    private final ProcessedEvents processedEvents;
    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final DeliveryMetrics metrics;
    private final JsonMapper json;
    private final PushDelivery push;
    private final ErasedUsers erasedUsers;

    NotifyUser(
            PreferenceRepository preferences,
            NotificationRepository notifications,
            NotificationTexts texts,
            ProcessedEvents processedEvents,
            DatabaseClient database,
            ReactiveTransactionManager transactionManager,
            DeliveryMetrics metrics,
            JsonMapper json,
            PushDelivery push,
            ErasedUsers erasedUsers) {
        this.preferences = preferences;
        this.notifications = notifications;
        this.texts = texts;
        this.processedEvents = processedEvents;
        this.database = database;
        this.transaction = TransactionalOperator.create(transactionManager);
        this.metrics = metrics;
        this.json = json;
        this.push = push;
        this.erasedUsers = erasedUsers;
    }

    /** What was done: {@code DUPLICATE} when the event was handled before. */
    public Mono<Outcome> about(NotificationRequest request) {
        return preferences
                .find(request.userId())
                .flatMap(choice -> {
                    NotificationTexts.Text text = texts.render(request, choice.locale());
                    return erasedUsers
                            .lockAndCheck(request.userId())
                            .flatMap(erased -> erased
                                    ? processedEvents
                                            .markProcessed(request.eventId(), CONSUMER)
                                            .thenReturn(Outcome.USER_ERASED)
                                    : processedEvents
                                            .markProcessed(request.eventId(), CONSUMER)
                                            .flatMap(first -> first
                                                    ? deliver(request, choice, text)
                                                    : Mono.just(Outcome.DUPLICATE)))
                            .as(transaction::transactional)
                            .doOnNext(outcome -> {
                                // after the commit, off this thread, best effort
                                if (outcome.delivered() && choice.wants(Channel.PUSH, request.kind())) {
                                    push.deliver(
                                            request.userId(),
                                            request.kind().name(),
                                            text.title(),
                                            text.body(),
                                            request.eventTime());
                                }
                            });
                })
                .doOnEach(LogContext.onNext(outcome -> log.info(
                        "event notified eventId={} userId={} kind={} outcome={}",
                        request.eventId(),
                        request.userId(),
                        request.kind(),
                        outcome)));
    }

    private Mono<Outcome> deliver(
            NotificationRequest request, NotificationPreferences choice, NotificationTexts.Text text) {
        boolean inApp = choice.wants(Channel.IN_APP, request.kind());
        boolean mail = choice.mails(request.kind());
        Mono<Boolean> stored = inApp
                ? notifications
                        .insert(request.eventId(), request.userId(), request.kind(), text, request.eventTime())
                        .flatMap(this::announce)
                        .thenReturn(true)
                : Mono.just(false);
        Mono<Boolean> queued = mail ? queueMail(request, choice, text).thenReturn(true) : Mono.just(false);
        // one after the other: both statements run on the transaction's one connection
        return stored.flatMap(inAppStored -> queued.map(mailQueued -> {
            if (inAppStored) {
                metrics.sent("in_app", request.kind().name(), request.eventTime());
            }
            return new Outcome(false, false, inAppStored, mailQueued);
        }));
    }

    private Mono<Void> announce(StoredNotification stored) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", stored.id().toString());
        payload.put("seq", stored.seq());
        payload.put("userId", stored.userId().toString());
        payload.put("kind", stored.kind());
        payload.put("title", stored.title());
        payload.put("body", stored.body());
        payload.put("createdAt", stored.createdAt().toString());
        if (stored.eventTime() != null) {
            payload.put("eventTime", stored.eventTime().toString());
        }
        return database.sql("SELECT pg_notify(:channel, :payload)")
                .bind("channel", CHANNEL)
                .bind("payload", json.writeValueAsString(payload))
                .then();
    }

    private Mono<Void> queueMail(
            NotificationRequest request, NotificationPreferences choice, NotificationTexts.Text text) {
        Instant now = Instant.now();
        Instant release = choice.mailReleaseAt(now);
        var spec = database.sql("""
                        INSERT INTO mail_queue (id, event_id, user_id, kind, locale, title, body, status, attempts,
                                                next_attempt_at, held_until, event_time)
                        VALUES (:id, :eventId, :userId, :kind, :locale, :title, :body, 'PENDING', 0,
                                :nextAttempt, :heldUntil, :eventTime)
                        ON CONFLICT (event_id) DO NOTHING""")
                .bind("id", UUID.randomUUID())
                .bind("eventId", request.eventId())
                .bind("userId", request.userId())
                .bind("kind", request.kind().name())
                .bind("locale", choice.locale())
                .bind("title", text.title())
                .bind("body", text.body())
                .bind("nextAttempt", release.atOffset(ZoneOffset.UTC));
        spec = release.isAfter(now)
                ? spec.bind("heldUntil", release.atOffset(ZoneOffset.UTC))
                : spec.bindNull("heldUntil", java.time.OffsetDateTime.class);
        spec = request.eventTime() == null
                ? spec.bindNull("eventTime", java.time.OffsetDateTime.class)
                : spec.bind("eventTime", request.eventTime().atOffset(ZoneOffset.UTC));
        return spec.then();
    }

    /** What one event caused; a duplicate, or an event about an erased user, causes nothing. */
    public record Outcome(boolean duplicate, boolean userErased, boolean storedInApp, boolean queuedMail) {
        public static final Outcome DUPLICATE = new Outcome(true, false, false, false);
        public static final Outcome USER_ERASED = new Outcome(false, true, false, false);

        /** Whether the event was delivered now (neither seen before nor about an erased user). */
        public boolean delivered() {
            return !duplicate && !userErased;
        }
    }
}

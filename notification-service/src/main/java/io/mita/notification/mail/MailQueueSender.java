package io.mita.notification.mail;

import io.mita.common.lifecycle.PeriodicJob;
import io.mita.notification.config.NotificationProperties;
import io.mita.notification.feed.DeliveryMetrics;
import io.mita.notification.feed.NotificationKind;
import io.mita.notification.feed.NotificationTexts;
import io.mita.notification.preference.NotificationPreferences;
import io.mita.notification.preference.PreferenceRepository;
import io.mita.notification.preference.UnsubscribeTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends the queued notification e-mails, away from the Kafka listener: polls {@code mail_queue} for due rows,
 * claims them with a lease (several instances share the queue), writes each mail at send time with the user's
 * current address and choices (no address or the kind switched off since: SKIPPED), and sends at most
 * {@code concurrency} at once, each bounded by {@code send-timeout}. A failure is tried again after an
 * exponential back-off with jitter; after {@code max-attempts}, or at once when the address can never work, the
 * mail is DEAD: the dead-letter store ({@code GET /api/notifications/admin/dead-letters}, replay by POST).
 * A mail held for quiet hours is simply due later.
 */
@Component
class MailQueueSender extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(MailQueueSender.class);

    private final MailQueue queue;
    private final Mailer mailer;
    private final PreferenceRepository preferences;
    private final NotificationTexts texts;
    private final UnsubscribeTokens unsubscribeTokens;
    private final DeliveryMetrics metrics;
    private final MailQueueProperties properties;
    private final NotificationProperties notification;
    private final BackOff backOff;

    MailQueueSender(
            MailQueue queue,
            Mailer mailer,
            PreferenceRepository preferences,
            NotificationTexts texts,
            UnsubscribeTokens unsubscribeTokens,
            DeliveryMetrics metrics,
            MailQueueProperties properties,
            NotificationProperties notification) {
        super(properties.pollInterval());
        this.queue = queue;
        this.mailer = mailer;
        this.preferences = preferences;
        this.texts = texts;
        this.unsubscribeTokens = unsubscribeTokens;
        this.metrics = metrics;
        this.properties = properties;
        this.notification = notification;
        this.backOff = new BackOff(
                properties.initialBackOff(),
                properties.maxBackOff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            super.start();
        }
    }

    @Override
    protected Mono<?> runOnce() {
        return sendDue();
    }

    @Override
    protected void failed(Throwable failure) {
        log.warn("mail queue poll failed: {}", failure.toString());
    }

    /** Stops before the database pool goes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /** Claims the due mail and sends it; completes when every claimed mail is sent, rescheduled or dead. */
    Mono<Void> sendDue() {
        return queue.claimDue(properties.batchSize(), properties.lease())
                .flatMap(this::send, properties.concurrency())
                .then();
    }

    private Mono<Void> send(QueuedMail mail) {
        return preferences.find(mail.userId()).flatMap(choice -> {
            NotificationKind kind = NotificationKind.valueOf(mail.kind());
            if (!choice.mails(kind)) {
                String reason = choice.email() == null ? "NO_ADDRESS" : "UNSUBSCRIBED";
                log.info(
                        "queued mail skipped id={} userId={} kind={} reason={}",
                        mail.id(),
                        mail.userId(),
                        kind,
                        reason);
                return queue.skipped(mail.id(), reason);
            }
            MailMessage message = compose(mail, choice, kind);
            return mailer.send(message)
                    .timeout(properties.sendTimeout())
                    .then(Mono.defer(() -> queue.sent(mail.id()).doOnSuccess(done -> {
                        metrics.sent("email", mail.kind(), mail.eventTime());
                        log.info(
                                "notification mail sent id={} userId={} kind={} attempt={}",
                                mail.id(),
                                mail.userId(),
                                kind,
                                mail.attempts() + 1);
                    })))
                    .onErrorResume(failure -> failed(mail, failure));
        });
    }

    private MailMessage compose(QueuedMail mail, NotificationPreferences choice, NotificationKind kind) {
        String token = unsubscribeTokens.issue(mail.userId(), kind);
        String unsubscribe = link(notification.unsubscribeLinkBase(), token);
        return NotificationMail.compose(mail, choice.email(), notification.appLink(), unsubscribe, texts);
    }

    private Mono<Void> failed(QueuedMail mail, Throwable failure) {
        boolean permanent = failure instanceof MailDeliveryException delivery && delivery.permanent();
        String reason = failure instanceof TimeoutException
                ? "the SMTP server did not answer within " + properties.sendTimeout()
                : failure instanceof MailDeliveryException
                        ? failure.getMessage()
                        : failure.getClass().getSimpleName();
        int attempts = mail.attempts() + 1;
        if (permanent || attempts >= properties.maxAttempts()) {
            log.warn(
                    "notification mail dead-lettered id={} userId={} kind={} attempts={} permanent={} reason={}",
                    mail.id(),
                    mail.userId(),
                    mail.kind(),
                    attempts,
                    permanent,
                    reason);
            metrics.failed("email", mail.kind());
            return queue.dead(mail.id(), reason);
        }
        Instant retryAt = Instant.now().plus(backOff.after(attempts));
        log.info(
                "notification mail not sent, retried later id={} userId={} kind={} attempts={} retryAt={} reason={}",
                mail.id(),
                mail.userId(),
                mail.kind(),
                attempts,
                retryAt,
                reason);
        return queue.retryLater(mail.id(), reason, retryAt);
    }

    static String link(String base, String token) {
        String separator = base.contains("?") ? "&" : "?";
        return base + separator + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}

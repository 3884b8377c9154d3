package io.mita.notification.passwordreset;

import io.mita.common.erasure.ErasedUsers;
import io.mita.common.events.NonRetryableEventException;
import io.mita.common.inbox.ProcessedEvents;
import io.mita.common.logging.LogContext;
import io.mita.notification.config.NotificationProperties;
import io.mita.notification.inbound.PasswordResetRequested;
import io.mita.notification.mail.MailDeliveryException;
import io.mita.notification.mail.MailMessage;
import io.mita.notification.mail.Mailer;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Mails the reset link of one password-reset request, at most once per event as far as a database can
 * tell, and never records SENT for a mail that did not go out.
 *
 * <p>Order: skip if the event's mail is SENT already; open the delivery; send; then, in one transaction,
 * mark the event processed and record SENT. A failed send records FAILED (attempts + 1, a safe reason)
 * and fails, so the Kafka error handler retries it with back-off and finally dead-letters it. The
 * database transaction is never held open while the SMTP server is talked to. A crash (or a lost
 * database) between the SMTP server's acceptance and the commit sends the mail once more on redelivery:
 * a duplicate reset mail with the same, still valid link is harmless; a lost one is not.
 *
 * <p>A request about a user whose account was erased (the tombstone {@link ErasedUsers}; this listener's group reads
 * {@code mita.auth.v1} apart from the erasure's, so the request may come after it) is not mailed: it is marked
 * processed and nothing is recorded (a delivery record would hold the user's id again). A request mailed while the
 * erasure runs carries a link that no longer works: auth-service deleted the account and its reset tokens.
 */
@Service
class PasswordResetMailService {

    static final String CONSUMER = "password-reset-mail";
    static final String KIND = "PASSWORD_RESET";

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMailService.class);

    private final DeliveryCipher cipher;
    private final Mailer mailer;
    private final EmailDeliveries deliveries;
    private final ProcessedEvents processedEvents;
    private final TransactionalOperator transaction;
    private final ErasedUsers erasedUsers;
    private final String resetLinkBase;
    private final Clock clock = Clock.systemUTC();

    PasswordResetMailService(
            DeliveryCipher cipher,
            Mailer mailer,
            EmailDeliveries deliveries,
            ProcessedEvents processedEvents,
            ReactiveTransactionManager transactionManager,
            ErasedUsers erasedUsers,
            NotificationProperties properties) {
        this.cipher = cipher;
        this.mailer = mailer;
        this.deliveries = deliveries;
        this.processedEvents = processedEvents;
        this.transaction = TransactionalOperator.create(transactionManager);
        this.erasedUsers = erasedUsers;
        this.resetLinkBase = properties.resetLinkBase();
    }

    Mono<Outcome> mail(UUID eventId, PasswordResetRequested request) {
        return erasedUsers
                .isErased(request.userId())
                .flatMap(gone -> gone ? erased(eventId, request) : mailOnce(eventId, request));
    }

    private Mono<Outcome> erased(UUID eventId, PasswordResetRequested request) {
        return processedEvents
                .markProcessed(eventId, CONSUMER)
                .thenReturn(Outcome.USER_ERASED)
                .doOnEach(LogContext.onNext(erased -> log.info(
                        "password reset mail not sent, the account was erased eventId={} userId={}",
                        eventId,
                        request.userId())));
    }

    private Mono<Outcome> mailOnce(UUID eventId, PasswordResetRequested request) {
        return deliveries.isSent(eventId).flatMap(sent -> {
            if (sent) {
                return Mono.just(Outcome.DUPLICATE)
                        .doOnEach(LogContext.onNext(duplicate -> log.info(
                                "password reset mail already sent, duplicate skipped eventId={} userId={}",
                                eventId,
                                request.userId())));
            }
            if (!request.expiresAt().isAfter(clock.instant())) {
                return expired(eventId, request);
            }
            return Mono.fromCallable(() -> cipher.open(request.delivery(), request.requestId()))
                    .onErrorResume(
                            UnreadableDeliveryException.class,
                            unreadable -> Mono.deferContextual(context -> {
                                LogContext.run(
                                        context,
                                        () -> log.warn(
                                                "password reset mail not sent eventId={} userId={} permanent=true reason={}",
                                                eventId,
                                                request.userId(),
                                                unreadable.getMessage()));
                                return deliveries
                                        .recordFailure(eventId, request.userId(), KIND, unreadable.getMessage(), false)
                                        .then(Mono.error(unreadable));
                            }))
                    .map(details -> PasswordResetMail.compose(details, resetLinkBase, request.expiresAt()))
                    .flatMap(message -> send(eventId, request, message));
        });
    }

    private Mono<Outcome> send(UUID eventId, PasswordResetRequested request, MailMessage message) {
        return mailer.send(message)
                .onErrorResume(
                        MailDeliveryException.class,
                        failure -> Mono.deferContextual(context -> {
                            LogContext.run(
                                    context,
                                    () -> log.warn(
                                            "password reset mail not sent eventId={} userId={} permanent={} reason={}",
                                            eventId,
                                            request.userId(),
                                            failure.permanent(),
                                            failure.getMessage()));
                            return deliveries
                                    .recordFailure(eventId, request.userId(), KIND, failure.getMessage(), true)
                                    .then(Mono.error(
                                            failure.permanent()
                                                    ? new NonRetryableEventException(
                                                            "password reset mail undeliverable: "
                                                                    + failure.getMessage())
                                                    : failure));
                        }))
                .then(processedEvents
                        .markProcessed(eventId, CONSUMER)
                        .flatMap(first -> first
                                ? deliveries
                                        .recordSent(eventId, request.userId(), KIND)
                                        .thenReturn(Outcome.SENT)
                                : Mono.just(Outcome.DUPLICATE))
                        .as(transaction::transactional))
                .doOnEach(LogContext.onNext(outcome -> log.info(
                        "password reset mail sent eventId={} userId={} requestId={} recorded={}",
                        eventId,
                        request.userId(),
                        request.requestId(),
                        outcome == Outcome.SENT)));
    }

    /** A request whose link no longer works is not mailed; it is recorded and marked processed, never retried. */
    private Mono<Outcome> expired(UUID eventId, PasswordResetRequested request) {
        return processedEvents
                .markProcessed(eventId, CONSUMER)
                .flatMap(first -> first
                        ? deliveries.recordFailure(
                                eventId,
                                request.userId(),
                                KIND,
                                "EXPIRED: the request expired at " + request.expiresAt() + " before the mail was sent",
                                false)
                        : Mono.empty())
                .as(transaction::transactional)
                .thenReturn(Outcome.EXPIRED)
                .doOnEach(LogContext.onNext(expired -> log.info(
                        "password reset request expired before its mail was sent eventId={} userId={} expiresAt={}",
                        eventId,
                        request.userId(),
                        request.expiresAt())));
    }

    enum Outcome {
        SENT,
        DUPLICATE,
        EXPIRED,
        USER_ERASED
    }
}

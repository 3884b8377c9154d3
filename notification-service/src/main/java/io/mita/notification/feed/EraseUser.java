package io.mita.notification.feed;

import io.mita.common.inbox.ProcessedEvents;
import io.mita.common.logging.LogContext;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes everything this service holds about an erased user (auth-service's {@code user.erased}), once per event,
 * in one transaction: notifications, preferences (with the e-mail address), queued and dead-lettered mail, habit
 * days, push devices and the password-reset mail records.
 */
@Service
public class EraseUser {

    static final String CONSUMER = "user-erasure";
    static final List<String> TABLES = List.of(
            "notification",
            "notification_preference",
            "mail_queue",
            "habit_completion",
            "device_token",
            "email_delivery");

    private static final Logger log = LoggerFactory.getLogger(EraseUser.class);

    private final DatabaseClient database;
    private final ProcessedEvents processedEvents;
    private final TransactionalOperator transaction;

    EraseUser(DatabaseClient database, ProcessedEvents processedEvents, ReactiveTransactionManager transactionManager) {
        this.database = database;
        this.processedEvents = processedEvents;
        this.transaction = TransactionalOperator.create(transactionManager);
    }

    /** Rows deleted; 0 for a duplicate event. */
    public Mono<Long> erase(UUID eventId, UUID userId) {
        return processedEvents
                .markProcessed(eventId, CONSUMER)
                .flatMap(first -> first
                        ? Flux.fromIterable(TABLES)
                                .concatMap(table -> database.sql("DELETE FROM " + table + " WHERE user_id = :userId")
                                        .bind("userId", userId)
                                        .fetch()
                                        .rowsUpdated())
                                .reduce(0L, Long::sum)
                        : Mono.just(0L))
                .as(transaction::transactional)
                .doOnEach(LogContext.onNext(
                        rows -> log.info("user erased eventId={} userId={} rowsDeleted={}", eventId, userId, rows)));
    }
}

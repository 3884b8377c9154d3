package io.mita.common.erasure;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.events.NonRetryableEventException;
import io.mita.common.inbox.ProcessedEvents;
import io.mita.common.logging.LogContext;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes what one service holds about a person when an event asks for it (auth-service's {@code user.erased}),
 * once per event: the service names its statements (each binds {@code :userId}, in an order its foreign keys
 * accept) and they run in one database transaction with the processed-event inbox row, so a redelivered event
 * deletes nothing twice and a failure leaves everything as it was (the consumer's error handling retries it).
 * An event whose id is no UUID, that names no person, or whose CloudEvents subject is someone else can never be
 * processed ({@link NonRetryableEventException}: dead-lettered). Each erasure, not a duplicate, is counted in
 * {@value #METRIC} (Prometheus {@code mita_users_erased_total{service}}); the log line names the user id only.
 */
public class PersonalDataErasure {

    public static final String METRIC = "mita.users.erased";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataErasure.class);

    private final DatabaseClient database;
    private final ProcessedEvents processedEvents;
    private final TransactionalOperator transaction;
    private final Counter erased;

    public PersonalDataErasure(
            DatabaseClient database,
            ProcessedEvents processedEvents,
            TransactionalOperator transaction,
            MeterRegistry meters) {
        this.database = database;
        this.processedEvents = processedEvents;
        this.transaction = transaction;
        this.erased = Counter.builder(METRIC)
                .description("people whose data this service deleted on their account's erasure")
                .register(meters);
    }

    /** Runs the statements for the event's user; answers the rows deleted, 0 for an event seen before. */
    public Mono<Long> erase(CloudEvent event, UUID userId, String consumer, List<String> statements) {
        return erase(event, userId, consumer, List.of(), statements, List.of());
    }

    /**
     * Runs the plan for the event's user in one transaction: the user's lock taken exclusively
     * ({@link ErasedUsers#LOCK_EXCLUSIVE}), the plan's statements, then the tombstone ({@link ErasedUsers#RECORD});
     * answers the rows the plan's statements deleted (the lock and the tombstone not counted), 0 for an event seen
     * before. The service needs the table {@code erased_user} (user_id UUID primary key, erased_at timestamptz
     * default now()).
     */
    public Mono<Long> erase(CloudEvent event, UUID userId, UserDataErasurePlan plan) {
        return erase(
                event,
                userId,
                plan.consumer(),
                List.of(ErasedUsers.LOCK_EXCLUSIVE),
                plan.statements(),
                List.of(ErasedUsers.RECORD));
    }

    private Mono<Long> erase(
            CloudEvent event,
            UUID userId,
            String consumer,
            List<String> before,
            List<String> statements,
            List<String> after) {
        UUID eventId = eventId(event);
        if (userId == null) {
            throw new NonRetryableEventException("event " + eventId + " of type " + event.getType() + " lacks userId");
        }
        if (event.getSubject() != null && !event.getSubject().equals(userId.toString())) {
            throw new NonRetryableEventException("event " + eventId + " is about subject " + event.getSubject()
                    + ", its payload about user " + userId);
        }
        return processedEvents
                .markProcessed(eventId, consumer)
                .filter(first -> first)
                .flatMap(first -> run(userId, before)
                        .then(delete(userId, statements))
                        .flatMap(rows -> run(userId, after).thenReturn(rows)))
                .as(transaction::transactional)
                .doOnNext(rows -> erased.increment())
                .doOnEach(LogContext.onNext(rows -> log.info(
                        "user erased eventId={} userId={} consumer={} rowsDeleted={}",
                        eventId,
                        userId,
                        consumer,
                        rows)))
                .switchIfEmpty(Mono.just(0L)
                        .doOnEach(LogContext.onNext(none -> log.info(
                                "user erased before eventId={} userId={} consumer={}", eventId, userId, consumer))));
    }

    private Mono<Long> delete(UUID userId, List<String> statements) {
        return Flux.fromIterable(statements)
                .concatMap(
                        sql -> database.sql(sql).bind("userId", userId).fetch().rowsUpdated())
                .reduce(0L, Long::sum);
    }

    private Mono<Void> run(UUID userId, List<String> statements) {
        return Flux.fromIterable(statements)
                .concatMap(sql -> database.sql(sql).bind("userId", userId).then())
                .then();
    }

    private static UUID eventId(CloudEvent event) {
        try {
            return UUID.fromString(event.getId());
        } catch (IllegalArgumentException notAUuid) {
            throw new NonRetryableEventException("event id is not a UUID: " + event.getId());
        }
    }
}

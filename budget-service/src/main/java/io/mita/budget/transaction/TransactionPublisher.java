package io.mita.budget.transaction;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes the transaction events into the outbox. Must run inside the database transaction of the change
 * it announces, so the row and its event commit (or vanish) together; the outbox relay publishes them
 * to {@code mita.events.topic} with the user id as subject and Kafka key. The events of one change are written
 * together at its end ({@link #together}).
 */
@Component
class TransactionPublisher {

    static final String CREATED = "mita.budget.transaction.created.v1";
    static final String UPDATED = "mita.budget.transaction.updated.v1";
    static final String DELETED = "mita.budget.transaction.deleted.v1";

    private final OutboxWriter outbox;

    TransactionPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> created(Transaction transaction) {
        return append(CREATED, transaction);
    }

    Mono<Void> updated(Transaction transaction) {
        return append(UPDATED, transaction);
    }

    Mono<Void> deleted(Transaction transaction) {
        return append(DELETED, transaction);
    }

    /**
     * Runs a change of transactions and writes the events its steps append (the transaction's, and the
     * redistribution's and thresholds' of its months) in one statement at its end: one round trip, not one each.
     */
    <T> Mono<T> together(Mono<T> change) {
        return outbox.together(change);
    }

    private Mono<Void> append(String type, Transaction transaction) {
        return outbox.append(
                        new OutgoingEvent(type, transaction.userId().toString(), TransactionRecorded.of(transaction)))
                .then();
    }
}

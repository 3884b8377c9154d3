package io.mita.common.inbox;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The idempotent-consumer inbox. Call {@link #markProcessed} inside the same transaction as the work
 * an event causes: it answers true the first time a consumer sees an event id, false for a duplicate
 * (a redelivery after a rebalance, or a second publication by an outbox relay), and the work is skipped.
 */
public class ProcessedEvents {

    private static final String MARK = """
            INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)
            ON CONFLICT (consumer, event_id) DO NOTHING""";

    private final DatabaseClient database;

    public ProcessedEvents(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Boolean> markProcessed(UUID eventId, String consumer) {
        return database.sql(MARK)
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }
}

package io.mita.audit.ingest;

import io.r2dbc.postgresql.codec.Json;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends events to the audit log with one multi-row {@code INSERT ... ON CONFLICT (event_id) DO NOTHING} per
 * chunk: a batch costs one round trip, not one per row, and a replayed event id is stored once.
 */
@Component
class AuditEventWriter {

    /** At 11 parameters a row, a chunk stays far below PostgreSQL's limit of 65535 bind parameters. */
    static final int MAX_ROWS_PER_STATEMENT = 1000;

    /** received_at and seq are the database's: DEFAULT now() and the sequence, in insert order. */
    private static final String[] COLUMNS = {
        "event_id",
        "source",
        "type",
        "subject",
        "actor_id",
        "correlation_id",
        "occurred_at",
        "topic",
        "partition",
        "kafka_offset",
        "data"
    };

    private final DatabaseClient databaseClient;

    AuditEventWriter(DatabaseClient databaseClient) {
        this.databaseClient = databaseClient;
    }

    /** @return how many rows were new (duplicates of stored event ids are skipped) */
    Mono<Long> append(List<IncomingAuditEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(0L);
        }
        int chunks = (events.size() + MAX_ROWS_PER_STATEMENT - 1) / MAX_ROWS_PER_STATEMENT;
        return Flux.range(0, chunks)
                .concatMap(chunk -> insert(events.subList(
                        chunk * MAX_ROWS_PER_STATEMENT, Math.min(events.size(), (chunk + 1) * MAX_ROWS_PER_STATEMENT))))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> insert(List<IncomingAuditEvent> rows) {
        DatabaseClient.GenericExecuteSpec spec = databaseClient.sql(insertSql(rows.size()));
        int index = 0;
        for (IncomingAuditEvent row : rows) {
            spec = spec.bind(index++, row.eventId())
                    .bind(index++, row.source())
                    .bind(index++, row.type())
                    .bind(index++, row.subject());
            spec = bindNullable(spec, index++, row.actorId(), String.class);
            spec = bindNullable(spec, index++, row.correlationId(), String.class);
            spec = spec.bind(index++, row.occurredAt())
                    .bind(index++, row.topic())
                    .bind(index++, row.partition())
                    .bind(index++, row.offset());
            spec = bindNullable(spec, index++, row.dataJson() == null ? null : Json.of(row.dataJson()), Json.class);
        }
        return spec.fetch().rowsUpdated();
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, int index, T value, Class<T> type) {
        return value == null ? spec.bindNull(index, type) : spec.bind(index, value);
    }

    /** Placeholders only ($1, $2, ...): values always travel as bind parameters. */
    static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO audit_event (")
                .append(String.join(", ", COLUMNS))
                .append(") VALUES ");
        int parameter = 1;
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < COLUMNS.length; column++) {
                sql.append(column == 0 ? "" : ", ").append('$').append(parameter++);
            }
            sql.append(')');
        }
        return sql.append(" ON CONFLICT (event_id) DO NOTHING").toString();
    }
}

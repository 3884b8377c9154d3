package io.mita.audit.ingest;

import io.mita.audit.chain.ChainHash;
import io.mita.audit.chain.ChainLock;
import io.mita.audit.chain.ChainedRecord;
import io.mita.audit.chain.ChainedRecords;
import io.r2dbc.postgresql.codec.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends events to the audit log and to the hash chain in one transaction. The transaction first takes the
 * chain's advisory lock (one writer at a time), reads the chain head, inserts the events with one multi-row
 * {@code INSERT ... ON CONFLICT (event_id) DO NOTHING RETURNING ...} per chunk (a batch costs one round trip, not
 * one per row, and a replayed event id is stored once), hashes the rows PostgreSQL returned, as it stored them,
 * in seq order, and inserts their chain rows with one more statement. The listener commits the Kafka offsets only
 * after this transaction committed.
 */
@Component
class AuditEventWriter {

    /** At 12 parameters a row, a chunk stays far below PostgreSQL's limit of 65535 bind parameters. */
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
        "data",
        "email_hashes"
    };

    private final DatabaseClient databaseClient;
    private final TransactionalOperator transactions;

    AuditEventWriter(DatabaseClient databaseClient, TransactionalOperator transactions) {
        this.databaseClient = databaseClient;
        this.transactions = transactions;
    }

    /** @return how many rows were new (duplicates of stored event ids are skipped) */
    Mono<Long> append(List<IncomingAuditEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(0L);
        }
        int chunks = (events.size() + MAX_ROWS_PER_STATEMENT - 1) / MAX_ROWS_PER_STATEMENT;
        Mono<Long> appended = databaseClient
                .sql(ChainLock.ACQUIRE)
                .fetch()
                .rowsUpdated()
                .then(chainHead())
                .flatMap(head -> Flux.range(0, chunks)
                        .concatMap(chunk -> insert(events.subList(
                                chunk * MAX_ROWS_PER_STATEMENT,
                                Math.min(events.size(), (chunk + 1) * MAX_ROWS_PER_STATEMENT))))
                        .collectList()
                        .flatMap(stored -> chain(head, stored)));
        return transactions.transactional(appended);
    }

    private Mono<byte[]> chainHead() {
        return databaseClient
                .sql(ChainLock.HEAD)
                .map(row -> HexFormat.of().parseHex(row.get("hash", String.class)))
                .one()
                .defaultIfEmpty(ChainHash.genesis());
    }

    /** Links the newly stored rows to the chain in seq order; returns how many they were. */
    private Mono<Long> chain(byte[] head, List<ChainedRecord> stored) {
        if (stored.isEmpty()) {
            return Mono.just(0L);
        }
        List<ChainedRecord> inOrder = new ArrayList<>(stored);
        inOrder.sort(Comparator.comparingLong(ChainedRecord::seq));
        int chunks = (inOrder.size() + MAX_ROWS_PER_STATEMENT - 1) / MAX_ROWS_PER_STATEMENT;
        List<DatabaseClient.GenericExecuteSpec> statements = new ArrayList<>(chunks);
        byte[] previous = head;
        for (int chunk = 0; chunk < chunks; chunk++) {
            List<ChainedRecord> rows = inOrder.subList(
                    chunk * MAX_ROWS_PER_STATEMENT, Math.min(inOrder.size(), (chunk + 1) * MAX_ROWS_PER_STATEMENT));
            DatabaseClient.GenericExecuteSpec spec = databaseClient.sql(chainInsertSql(rows.size()));
            int index = 0;
            for (ChainedRecord row : rows) {
                byte[] hash = ChainHash.next(previous, row);
                spec = spec.bind(index++, row.seq())
                        .bind(index++, row.eventId())
                        .bind(index++, ChainHash.hex(previous))
                        .bind(index++, ChainHash.hex(hash));
                previous = hash;
            }
            statements.add(spec);
        }
        return Flux.fromIterable(statements)
                .concatMap(spec -> spec.fetch().rowsUpdated())
                .then(Mono.just((long) inOrder.size()));
    }

    static String chainInsertSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO audit_chain (seq, event_id, prev_hash, hash) VALUES ");
        int parameter = 1;
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "" : ", ")
                    .append("($")
                    .append(parameter++)
                    .append(", $")
                    .append(parameter++)
                    .append(", decode($")
                    .append(parameter++)
                    .append(", 'hex'), decode($")
                    .append(parameter++)
                    .append(", 'hex'))");
        }
        return sql.toString();
    }

    private Flux<ChainedRecord> insert(List<IncomingAuditEvent> rows) {
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
            spec = bindNullable(
                    spec,
                    index++,
                    row.emailHashes().isEmpty() ? null : row.emailHashes().toArray(String[]::new),
                    String[].class);
        }
        return spec.map(ChainedRecords::read).all();
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
        return sql.append(" ON CONFLICT (event_id) DO NOTHING RETURNING ")
                .append(ChainedRecord.COLUMNS)
                .toString();
    }
}

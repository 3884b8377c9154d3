package io.mita.audit.ingest;

import io.mita.audit.chain.ChainHash;
import io.mita.audit.chain.ChainLock;
import io.mita.audit.chain.ChainedRecord;
import io.mita.audit.chain.ChainedRecords;
import io.mita.audit.privacy.SubjectSealing;
import io.mita.common.logging.LogContext;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Parameters;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the audit log and to the hash chain in one transaction. The transaction first takes the
 * chain's advisory lock (one writer at a time), reads the chain head, leaves out the event ids already stored (one
 * look-up per batch: a replayed event id is stored once), inserts the rest with one multi-row
 * {@code INSERT ... RETURNING ...} per chunk (a batch costs one round trip, not one per row), hashes the rows PostgreSQL returned, as it stored them,
 * in seq order, and inserts their chain rows with one more statement. The listener commits the Kafka offsets only
 * after this transaction committed. Data is stored sealed with its subject's key ({@link SubjectSealing}; keys
 * created here for new subjects), never in clear; a {@code mita.auth.user.erased.v1} in the batch destroys its
 * user's key in the same transaction.
 */
@Component
class AuditEventWriter {

    private static final Logger log = LoggerFactory.getLogger(AuditEventWriter.class);

    /** At 13 parameters a row, a chunk stays far below PostgreSQL's limit of 65535 bind parameters. */
    static final int MAX_ROWS_PER_STATEMENT = 1000;

    /**
     * received_at and seq are the database's: DEFAULT clock_timestamp() and the sequence, both taken under the chain's
     * lock, so received_at never goes backwards in seq order (V5: a month's partition is one stretch of the chain).
     */
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
        "email_hashes",
        "sealed_data"
    };

    static final String ERASED_TYPE = "mita.auth.user.erased.v1";

    private final DatabaseClient databaseClient;
    private final TransactionalOperator transactions;
    private final SubjectSealing sealing;
    private final JsonMapper jsonMapper;

    AuditEventWriter(
            DatabaseClient databaseClient,
            TransactionalOperator transactions,
            SubjectSealing sealing,
            JsonMapper jsonMapper) {
        this.databaseClient = databaseClient;
        this.transactions = transactions;
        this.sealing = sealing;
        this.jsonMapper = jsonMapper;
    }

    /** @return how many rows were new (duplicates of stored event ids are skipped) */
    Mono<Long> append(List<IncomingAuditEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(0L);
        }
        Mono<Long> appended = databaseClient
                .sql(ChainLock.ACQUIRE)
                .fetch()
                .rowsUpdated()
                .then(chainHead())
                .flatMap(head -> notYetStored(events)
                        .flatMap(fresh -> subjectKeys(fresh)
                                .flatMap(keys -> Flux.range(0, chunks(fresh.size()))
                                        .concatMap(chunk -> insert(
                                                fresh.subList(
                                                        chunk * MAX_ROWS_PER_STATEMENT,
                                                        Math.min(fresh.size(), (chunk + 1) * MAX_ROWS_PER_STATEMENT)),
                                                keys))
                                        .collectList()
                                        .flatMap(stored -> chain(head, stored))
                                        .flatMap(count -> erase(events).thenReturn(count)))));
        return transactions.transactional(appended);
    }

    private static int chunks(int rows) {
        return (rows + MAX_ROWS_PER_STATEMENT - 1) / MAX_ROWS_PER_STATEMENT;
    }

    /**
     * The batch without the event ids already stored and without repeats inside it (first copy kept). The table is
     * partitioned by month (V5), so PostgreSQL cannot keep event_id unique on its own; this writer does, under the
     * chain's lock, with one look-up per batch.
     */
    private Mono<List<IncomingAuditEvent>> notYetStored(List<IncomingAuditEvent> events) {
        String[] ids = events.stream()
                .map(event -> event.eventId().toString())
                .distinct()
                .toArray(String[]::new);
        return databaseClient
                .sql("SELECT event_id FROM audit_event WHERE event_id = ANY(CAST(:ids AS uuid[]))")
                .bind("ids", ids)
                .map(row -> row.get("event_id", UUID.class))
                .all()
                .collect(Collectors.toSet())
                .map(stored -> {
                    Set<UUID> seen = new HashSet<>(stored);
                    return events.stream()
                            .filter(event -> seen.add(event.eventId()))
                            .toList();
                });
    }

    /** The wrapped keys of the batch's subjects (created for new ones), and which of them were erased. */
    private record SubjectKeys(Map<String, byte[]> wrapped, Set<String> erased) {}

    private Mono<SubjectKeys> subjectKeys(List<IncomingAuditEvent> events) {
        String[] subjects = events.stream()
                .filter(event -> event.dataJson() != null)
                .map(IncomingAuditEvent::subject)
                .distinct()
                .toArray(String[]::new);
        if (subjects.length == 0) {
            return Mono.just(new SubjectKeys(Map.of(), Set.of()));
        }
        Mono<Set<String>> erased = databaseClient
                .sql("SELECT subject FROM subject_erasure WHERE subject = ANY(:subjects)")
                .bind("subjects", subjects)
                .map(row -> row.get("subject", String.class))
                .all()
                .collect(Collectors.toSet());
        Mono<Map<String, byte[]>> existing = databaseClient
                .sql("SELECT subject, encode(wrapped_key, 'hex') AS wrapped_key FROM subject_key"
                        + " WHERE subject = ANY(:subjects)")
                .bind("subjects", subjects)
                .map(row -> Map.entry(
                        row.get("subject", String.class),
                        HexFormat.of().parseHex(row.get("wrapped_key", String.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
        return erased.zipWhen(gone -> existing).flatMap(found -> {
            Set<String> gone = found.getT1();
            Map<String, byte[]> keys = found.getT2();
            List<String> missing = Arrays.stream(subjects)
                    .filter(subject -> !gone.contains(subject) && !keys.containsKey(subject))
                    .toList();
            if (missing.isEmpty()) {
                return Mono.just(new SubjectKeys(keys, gone));
            }
            StringBuilder sql = new StringBuilder("INSERT INTO subject_key (subject, wrapped_key) VALUES ");
            for (int i = 0; i < missing.size(); i++) {
                sql.append(i == 0 ? "" : ", ")
                        .append("($")
                        .append(2 * i + 1)
                        .append(", decode($")
                        .append(2 * i + 2)
                        .append(", 'hex'))");
            }
            List<Object> values = new ArrayList<>(2 * missing.size());
            for (String subject : missing) {
                byte[] wrapped = sealing.newWrappedKey(subject);
                keys.put(subject, wrapped);
                values.add(subject);
                values.add(HexFormat.of().formatHex(wrapped));
            }
            return databaseClient
                    .sql(sql.toString())
                    .bindValues(values)
                    .fetch()
                    .rowsUpdated()
                    .thenReturn(new SubjectKeys(keys, gone));
        });
    }

    /**
     * Crypto-shredding: for every {@code mita.auth.user.erased.v1} of the batch, records the erasure and destroys the
     * user's key (through the owner's function: the service role may not DELETE). The user is {@code data.userId},
     * else the event's subject (the contract makes them equal).
     */
    private Mono<Void> erase(List<IncomingAuditEvent> events) {
        return Flux.fromIterable(events)
                .filter(event -> ERASED_TYPE.equals(event.type()))
                .concatMap(event -> {
                    Erasure erasure = erasure(event);
                    return databaseClient
                            .sql(
                                    "INSERT INTO subject_erasure (subject, event_id, erased_at, erased_by)"
                                            + " VALUES (:subject, :eventId, :erasedAt, :erasedBy) ON CONFLICT (subject) DO NOTHING")
                            .bind("subject", erasure.subject())
                            .bind("eventId", event.eventId())
                            .bind("erasedAt", erasure.erasedAt())
                            .bind("erasedBy", erasure.erasedBy())
                            .fetch()
                            .rowsUpdated()
                            .then(databaseClient
                                    .sql("SELECT audit_shred_subject_key(:subject) AS shredded")
                                    .bind("subject", erasure.subject())
                                    .map(row -> row.get("shredded", Integer.class))
                                    .one())
                            .doOnEach(LogContext.onNext(shredded -> log.info(
                                    "subject erased: key destroyed={} event={}", shredded > 0, event.eventId())));
                })
                .then();
    }

    private record Erasure(String subject, Instant erasedAt, String erasedBy) {}

    private Erasure erasure(IncomingAuditEvent event) {
        String subject = event.subject();
        Instant erasedAt = event.occurredAt();
        String erasedBy = "UNKNOWN";
        if (event.dataJson() != null) {
            JsonNode data = jsonMapper.readTree(event.dataJson());
            if (data.path("userId").isString()
                    && !data.path("userId").stringValue().isBlank()) {
                subject = data.path("userId").stringValue();
            }
            if (data.path("erasedBy").isString()) {
                erasedBy = data.path("erasedBy").stringValue();
            }
            try {
                if (data.path("erasedAt").isString()) {
                    erasedAt = Instant.parse(data.path("erasedAt").stringValue());
                }
            } catch (DateTimeParseException e) {
                // the event's own time stands in
            }
        }
        return new Erasure(subject, erasedAt, erasedBy);
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
            List<Object> values = new ArrayList<>(5 * rows.size());
            for (ChainedRecord row : rows) {
                byte[] hash = ChainHash.next(previous, row);
                values.add(row.seq());
                values.add(row.eventId());
                values.add(ChainHash.hex(previous));
                values.add(ChainHash.hex(hash));
                values.add(row.receivedAt());
                previous = hash;
            }
            statements.add(databaseClient.sql(chainInsertSql(rows.size())).bindValues(values));
        }
        return Flux.fromIterable(statements)
                .concatMap(spec -> spec.fetch().rowsUpdated())
                .then(Mono.just((long) inOrder.size()));
    }

    static String chainInsertSql(int rows) {
        StringBuilder sql =
                new StringBuilder("INSERT INTO audit_chain (seq, event_id, prev_hash, hash, received_at) VALUES ");
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
                    .append(", 'hex'), $")
                    .append(parameter++)
                    .append(')');
        }
        return sql.toString();
    }

    /**
     * One multi-row insert of the batch. Its values are bound at once ({@code bindValues}): each {@code bind} call
     * copies every binding made before it, so 1,000 rows of 13 values bound one by one cost seconds per batch
     * (docs/decisions.md, "Many bind parameters").
     */
    private Flux<ChainedRecord> insert(List<IncomingAuditEvent> rows, SubjectKeys keys) {
        List<Object> values = new ArrayList<>(COLUMNS.length * rows.size());
        for (IncomingAuditEvent row : rows) {
            values.add(row.eventId());
            values.add(row.source());
            values.add(row.type());
            values.add(row.subject());
            values.add(nullable(row.actorId(), String.class));
            values.add(nullable(row.correlationId(), String.class));
            values.add(row.occurredAt());
            values.add(row.topic());
            values.add(row.partition());
            values.add(row.offset());
            // the data is never stored in clear: sealed with its subject's key, or dropped if the subject was erased
            values.add(Parameters.in(Json.class));
            values.add(nullable(
                    row.emailHashes().isEmpty() ? null : row.emailHashes().toArray(String[]::new), String[].class));
            String sealed = row.dataJson() == null || keys.erased().contains(row.subject())
                    ? null
                    : HexFormat.of()
                            .formatHex(sealing.seal(
                                    keys.wrapped().get(row.subject()), row.subject(), row.eventId(), row.dataJson()));
            values.add(nullable(sealed, String.class));
        }
        return databaseClient
                .sql(insertSql(rows.size()))
                .bindValues(values)
                .map(ChainedRecords::read)
                .all();
    }

    /** The value, or a typed null parameter. */
    private static Object nullable(Object value, Class<?> type) {
        return value == null ? Parameters.in(type) : value;
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
                sql.append(column == 0 ? "" : ", ");
                if (COLUMNS[column].equals("sealed_data")) {
                    sql.append("decode($").append(parameter++).append(", 'hex')");
                } else {
                    sql.append('$').append(parameter++);
                }
            }
            sql.append(')');
        }
        return sql.append(" RETURNING ").append(ChainedRecord.COLUMNS).toString();
    }
}

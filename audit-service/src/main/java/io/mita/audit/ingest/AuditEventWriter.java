package io.mita.audit.ingest;

import io.mita.audit.chain.Bytea;
import io.mita.audit.chain.ChainHash;
import io.mita.audit.chain.ChainLock;
import io.mita.audit.chain.ChainedRecord;
import io.mita.audit.chain.ChainedRecords;
import io.mita.audit.privacy.SubjectSealing;
import io.mita.common.logging.LogContext;
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
        "email_hashes",
        "sealed_data"
    };

    static final String ERASED_TYPE = "mita.auth.user.erased.v1";

    private final DatabaseClient databaseClient;
    private final TransactionalOperator transactions;
    private final SubjectSealing sealing;
    private final JsonMapper jsonMapper;
    private final IngestStepTimers timers;

    AuditEventWriter(
            DatabaseClient databaseClient,
            TransactionalOperator transactions,
            SubjectSealing sealing,
            JsonMapper jsonMapper,
            IngestStepTimers timers) {
        this.databaseClient = databaseClient;
        this.transactions = transactions;
        this.sealing = sealing;
        this.jsonMapper = jsonMapper;
        this.timers = timers;
    }

    /** @return how many rows were new (duplicates of stored event ids are skipped) */
    Mono<Long> append(List<IncomingAuditEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(0L);
        }
        Mono<Long> appended = timers.time(
                        "lock", databaseClient.sql(ChainLock.ACQUIRE).fetch().rowsUpdated())
                .then(timers.time("head", chainHead()))
                .flatMap(head -> timers.time("lookup", notYetStored(events))
                        .flatMap(fresh -> timers.time("keys", subjectKeys(fresh))
                                .flatMap(keys -> timers.time(
                                                "insert", insert(fresh, keys).collectList())
                                        .flatMap(stored -> timers.time("chain", chain(head, stored)))
                                        .flatMap(count -> timers.time("erase", erase(events))
                                                .thenReturn(count)))));
        return timers.time("transaction", transactions.transactional(timers.time("body", appended)));
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
        // one look-up for both: each subject's wrapped key (if it has one) and whether it was erased
        Mono<SubjectKeys> found = databaseClient
                .sql("SELECT s.subject, encode(k.wrapped_key, 'hex') AS wrapped_key,"
                        + " EXISTS (SELECT 1 FROM subject_erasure e WHERE e.subject = s.subject) AS erased"
                        + " FROM unnest(CAST(:subjects AS text[])) AS s(subject)"
                        + " LEFT JOIN subject_key k ON k.subject = s.subject")
                .bind("subjects", subjects)
                .map(row -> new Object[] {
                    row.get("subject", String.class),
                    row.get("wrapped_key", String.class),
                    row.get("erased", Boolean.class)
                })
                .all()
                .collect(() -> new SubjectKeys(new HashMap<>(), new HashSet<>()), (keys, row) -> {
                    if (Boolean.TRUE.equals(row[2])) {
                        keys.erased().add((String) row[0]);
                    } else if (row[1] != null) {
                        keys.wrapped().put((String) row[0], HexFormat.of().parseHex((String) row[1]));
                    }
                });
        return found.flatMap(known -> {
            Set<String> gone = known.erased();
            Map<String, byte[]> keys = known.wrapped();
            List<String> missing = Arrays.stream(subjects)
                    .filter(subject -> !gone.contains(subject) && !keys.containsKey(subject))
                    .toList();
            if (missing.isEmpty()) {
                return Mono.just(new SubjectKeys(keys, gone));
            }
            String[] wrappedHex = new String[missing.size()];
            for (int i = 0; i < missing.size(); i++) {
                byte[] wrapped = sealing.newWrappedKey(missing.get(i));
                keys.put(missing.get(i), wrapped);
                wrappedHex[i] = HexFormat.of().formatHex(wrapped);
            }
            // column arrays, as the events and chain rows: two bind parameters whatever the number of new subjects
            return databaseClient
                    .sql(
                            "INSERT INTO subject_key (subject, wrapped_key) SELECT subject, decode(wrapped, 'hex')"
                                    + " FROM unnest(CAST(:subjects AS text[]), CAST(:wrapped AS text[])) AS k(subject, wrapped)")
                    .bind("subjects", missing.toArray(String[]::new))
                    .bind("wrapped", wrappedHex)
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
                .map(row -> Bytea.read(row, "hash"))
                .one()
                .defaultIfEmpty(ChainHash.genesis());
    }

    /** Links the newly stored rows to the chain in seq order, in one statement; returns how many they were. */
    private Mono<Long> chain(byte[] head, List<ChainedRecord> stored) {
        if (stored.isEmpty()) {
            return Mono.just(0L);
        }
        List<ChainedRecord> inOrder = new ArrayList<>(stored);
        inOrder.sort(Comparator.comparingLong(ChainedRecord::seq));
        int size = inOrder.size();
        Long[] seqs = new Long[size];
        String[] eventIds = new String[size];
        String[] previousHashes = new String[size];
        String[] hashes = new String[size];
        String[] receivedAts = new String[size];
        byte[] previous = head;
        for (int i = 0; i < size; i++) {
            ChainedRecord row = inOrder.get(i);
            byte[] hash = ChainHash.next(previous, row);
            seqs[i] = row.seq();
            eventIds[i] = row.eventId().toString();
            previousHashes[i] = ChainHash.hex(previous);
            hashes[i] = ChainHash.hex(hash);
            receivedAts[i] = row.receivedAt().toString();
            previous = hash;
        }
        return databaseClient
                .sql(CHAIN_INSERT_SQL)
                .bindValues(List.of(seqs, eventIds, previousHashes, hashes, receivedAts))
                .fetch()
                .rowsUpdated()
                .thenReturn((long) size);
    }

    /** The chain rows of a batch: one array parameter per column, hashes as hex. */
    static final String CHAIN_INSERT_SQL = "INSERT INTO audit_chain (seq, event_id, prev_hash, hash, received_at)"
            + " SELECT l.seq, l.event_id, decode(l.prev_hash, 'hex'), decode(l.hash, 'hex'), l.received_at"
            + " FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])"
            + " AS l(seq, event_id, prev_hash, hash, received_at)";

    /**
     * One insert of the batch: every column travels as one array parameter and the statement unnests them, so a batch
     * of any size is 12 bind parameters and one short statement to parse and plan (a multi-row {@code VALUES} of 1,000
     * rows was 13,000 parameters; docs/decisions.md, "Many bind parameters"). data is never stored in clear: sealed
     * with its subject's key, or dropped if the subject was erased; the clear column stays NULL.
     */
    private Flux<ChainedRecord> insert(List<IncomingAuditEvent> rows, SubjectKeys keys) {
        long started = System.nanoTime();
        int size = rows.size();
        String[] eventIds = new String[size];
        String[] sources = new String[size];
        String[] types = new String[size];
        String[] subjects = new String[size];
        String[] actorIds = new String[size];
        String[] correlationIds = new String[size];
        String[] occurredAts = new String[size];
        String[] topics = new String[size];
        Integer[] partitions = new Integer[size];
        Long[] offsets = new Long[size];
        String[] emailHashes = new String[size];
        String[] sealed = new String[size];
        for (int i = 0; i < size; i++) {
            IncomingAuditEvent row = rows.get(i);
            eventIds[i] = row.eventId().toString();
            sources[i] = row.source();
            types[i] = row.type();
            subjects[i] = row.subject();
            actorIds[i] = row.actorId();
            correlationIds[i] = row.correlationId();
            occurredAts[i] = row.occurredAt().toString();
            topics[i] = row.topic();
            partitions[i] = row.partition();
            offsets[i] = row.offset();
            // hex HMACs: never a comma inside one
            emailHashes[i] = row.emailHashes().isEmpty() ? null : String.join(",", row.emailHashes());
            sealed[i] = row.dataJson() == null || keys.erased().contains(row.subject())
                    ? null
                    : HexFormat.of()
                            .formatHex(sealing.seal(
                                    keys.wrapped().get(row.subject()), row.subject(), row.eventId(), row.dataJson()));
        }
        timers.record("seal", System.nanoTime() - started);
        return databaseClient
                .sql(INSERT_SQL)
                .bindValues(List.of(
                        eventIds,
                        sources,
                        types,
                        subjects,
                        actorIds,
                        correlationIds,
                        occurredAts,
                        topics,
                        partitions,
                        offsets,
                        emailHashes,
                        sealed))
                .map(ChainedRecords::read)
                .all();
    }

    /**
     * Placeholders only: values always travel as bind parameters, one array per column, unnested in batch order
     * (seq and received_at are assigned in that order).
     */
    static final String INSERT_SQL = "INSERT INTO audit_event (" + String.join(", ", COLUMNS) + ")"
            + " SELECT v.event_id, v.source, v.type, v.subject, v.actor_id, v.correlation_id, v.occurred_at, v.topic,"
            + " v.partition, v.kafka_offset, string_to_array(v.email_hashes, ','), decode(v.sealed_data, 'hex')"
            + " FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
            + " $7::timestamptz[], $8::text[], $9::int[], $10::bigint[], $11::text[], $12::text[]) WITH ORDINALITY"
            + " AS v(event_id, source, type, subject, actor_id, correlation_id, occurred_at, topic, partition,"
            + " kafka_offset, email_hashes, sealed_data, position)"
            + " ORDER BY v.position RETURNING " + ChainedRecord.COLUMNS;
}

package io.mita.audit.query;

import io.mita.audit.privacy.EmailHasher;
import io.mita.audit.privacy.SubjectSealing;
import io.mita.common.logging.LogContext;
import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Reads the audit log newest first. The WHERE clause is assembled from fixed fragments only; every value travels
 * as a bind parameter. An e-mail filter becomes its keyed hash, matched against {@code email_hashes} (GIN index).
 */
@Repository
class AuditEventRepository implements StoredAuditEvents {

    private static final Logger log = LoggerFactory.getLogger(AuditEventRepository.class);

    private static final String COLUMNS = "e.seq, e.event_id, e.source, e.type, e.subject, e.actor_id, "
            + "e.correlation_id, e.occurred_at, e.received_at, e.data::text AS data, "
            + "encode(e.sealed_data, 'hex') AS sealed_data, encode(k.wrapped_key, 'hex') AS wrapped_key, "
            + "x.subject IS NOT NULL AS erased";

    /** Each event with its subject's wrapped key (gone once erased) and erasure, if any. */
    private static final String FROM = " FROM audit_event e LEFT JOIN subject_key k ON k.subject = e.subject"
            + " LEFT JOIN subject_erasure x ON x.subject = e.subject";

    /**
     * A search bounded on both sides by at most this much occurred_at is read by that range first and its matches
     * sorted; any other search walks seq backwards from the newest row (or from the cursor) and stops at the limit.
     * PostgreSQL picks the walk for both, since it assumes the matches are spread evenly over seq; but occurred_at
     * grows with seq, so for a window days back the walk reads every row newer than the window first. The range
     * read costs what the window holds, the walk what is newer than it: for a window of a few days the range is the
     * bounded one (docs/audit.md "Searching").
     */
    static final Duration RANGE_FIRST_WINDOW = Duration.ofDays(7);

    private final DatabaseClient databaseClient;
    private final EmailHasher emailHasher;
    private final SubjectSealing sealing;

    AuditEventRepository(DatabaseClient databaseClient, EmailHasher emailHasher, SubjectSealing sealing) {
        this.databaseClient = databaseClient;
        this.emailHasher = emailHasher;
        this.sealing = sealing;
    }

    @Override
    public Flux<StoredAuditEvent> find(AuditEventFilter filter, Long beforeSeq, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        condition(conditions, parameters, "e.subject = :subject", "subject", filter.subject());
        condition(conditions, parameters, "e.type = :type", "type", filter.type());
        condition(conditions, parameters, "e.source = :source", "source", filter.source());
        condition(conditions, parameters, "e.actor_id = :actorId", "actorId", filter.actorId());
        condition(conditions, parameters, "e.correlation_id = :correlationId", "correlationId", filter.correlationId());
        condition(
                conditions,
                parameters,
                "e.email_hashes @> ARRAY[:emailHash]::text[]",
                "emailHash",
                filter.email() == null ? null : emailHasher.hash(filter.email()));
        condition(conditions, parameters, "e.occurred_at >= :from", "from", filter.from());
        condition(conditions, parameters, "e.occurred_at < :to", "to", filter.to());
        condition(conditions, parameters, "e.seq < :beforeSeq", "beforeSeq", beforeSeq);
        parameters.put("limit", limit);
        String sql = "SELECT " + COLUMNS + FROM
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + orderNewestFirst(filter);
        return Flux.deferContextual(context -> databaseClient
                .sql(sql)
                .bindValues(parameters)
                .map(row -> toEvent(row, context))
                .all());
    }

    /**
     * Newest first, by seq. For a narrow time window the order is written as an expression ({@code e.seq + 0}, the
     * same order) so that no index on seq can produce it: the planner then reads the window by
     * {@code audit_event_type_occurred_at_idx} or {@code audit_event_occurred_at_idx} and sorts the matches.
     */
    static String orderNewestFirst(AuditEventFilter filter) {
        boolean narrowWindow = filter.from() != null
                && filter.to() != null
                && Duration.between(filter.from(), filter.to()).compareTo(RANGE_FIRST_WINDOW) <= 0;
        return narrowWindow ? " ORDER BY e.seq + 0 DESC LIMIT :limit" : " ORDER BY e.seq DESC LIMIT :limit";
    }

    @Override
    public Mono<StoredAuditEvent> findById(UUID eventId) {
        return Mono.deferContextual(context -> databaseClient
                .sql("SELECT " + COLUMNS + FROM + " WHERE e.event_id = :eventId")
                .bind("eventId", eventId)
                .map(row -> toEvent(row, context))
                .one());
    }

    @Override
    public Flux<StoredAuditEvent> story(String correlationId) {
        return Flux.deferContextual(context -> databaseClient
                .sql("SELECT " + COLUMNS + FROM + " WHERE e.correlation_id = :correlationId ORDER BY e.seq")
                .bind("correlationId", correlationId)
                .map(row -> toEvent(row, context))
                .all());
    }

    private static void condition(
            List<String> conditions, Map<String, Object> parameters, String fragment, String name, Object value) {
        if (value != null) {
            conditions.add(fragment);
            parameters.put(name, value);
        }
    }

    /**
     * Opens sealed data with its subject's key. Without the key (erased) the data stays unreadable: {@code null},
     * and the event is marked so; the row still shows that the event existed, when, and of what type. A key that
     * does not open the data is logged with the query's ids ({@code context}).
     */
    private StoredAuditEvent toEvent(Readable row, ContextView context) {
        UUID eventId = row.get("event_id", UUID.class);
        String subject = row.get("subject", String.class);
        String sealed = row.get("sealed_data", String.class);
        String wrappedKey = row.get("wrapped_key", String.class);
        String data = row.get("data", String.class);
        boolean erased = Boolean.TRUE.equals(row.get("erased", Boolean.class));
        if (sealed != null) {
            if (wrappedKey == null) {
                erased = true;
            } else {
                try {
                    data = sealing.open(
                            HexFormat.of().parseHex(wrappedKey),
                            subject,
                            eventId,
                            HexFormat.of().parseHex(sealed));
                } catch (SubjectSealing.SealedDataException e) {
                    LogContext.run(
                            context, () -> log.warn("audit event {} data does not open: {}", eventId, e.getMessage()));
                }
            }
        }
        return new StoredAuditEvent(
                row.get("seq", Long.class),
                eventId,
                row.get("source", String.class),
                row.get("type", String.class),
                subject,
                row.get("actor_id", String.class),
                row.get("correlation_id", String.class),
                row.get("occurred_at", Instant.class),
                row.get("received_at", Instant.class),
                data,
                erased);
    }
}

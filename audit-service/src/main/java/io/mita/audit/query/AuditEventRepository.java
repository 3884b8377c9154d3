package io.mita.audit.query;

import io.mita.audit.privacy.EmailHasher;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the audit log newest first. The WHERE clause is assembled from fixed fragments only; every value travels
 * as a bind parameter. An e-mail filter becomes its keyed hash, matched against {@code email_hashes} (GIN index).
 */
@Repository
class AuditEventRepository implements StoredAuditEvents {

    private static final String COLUMNS = "seq, event_id, source, type, subject, actor_id, correlation_id, "
            + "occurred_at, received_at, data::text AS data";

    private final DatabaseClient databaseClient;
    private final EmailHasher emailHasher;

    AuditEventRepository(DatabaseClient databaseClient, EmailHasher emailHasher) {
        this.databaseClient = databaseClient;
        this.emailHasher = emailHasher;
    }

    @Override
    public Flux<StoredAuditEvent> find(AuditEventFilter filter, Long beforeSeq, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        condition(conditions, parameters, "subject = :subject", "subject", filter.subject());
        condition(conditions, parameters, "type = :type", "type", filter.type());
        condition(conditions, parameters, "source = :source", "source", filter.source());
        condition(conditions, parameters, "actor_id = :actorId", "actorId", filter.actorId());
        condition(conditions, parameters, "correlation_id = :correlationId", "correlationId", filter.correlationId());
        condition(
                conditions,
                parameters,
                "email_hashes @> ARRAY[:emailHash]::text[]",
                "emailHash",
                filter.email() == null ? null : emailHasher.hash(filter.email()));
        condition(conditions, parameters, "occurred_at >= :from", "from", filter.from());
        condition(conditions, parameters, "occurred_at < :to", "to", filter.to());
        condition(conditions, parameters, "seq < :beforeSeq", "beforeSeq", beforeSeq);
        parameters.put("limit", limit);
        String sql = "SELECT " + COLUMNS + " FROM audit_event"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY seq DESC LIMIT :limit";
        return databaseClient
                .sql(sql)
                .bindValues(parameters)
                .map(AuditEventRepository::toEvent)
                .all();
    }

    @Override
    public Mono<StoredAuditEvent> findById(UUID eventId) {
        return databaseClient
                .sql("SELECT " + COLUMNS + " FROM audit_event WHERE event_id = :eventId")
                .bind("eventId", eventId)
                .map(AuditEventRepository::toEvent)
                .one();
    }

    private static void condition(
            List<String> conditions, Map<String, Object> parameters, String fragment, String name, Object value) {
        if (value != null) {
            conditions.add(fragment);
            parameters.put(name, value);
        }
    }

    private static StoredAuditEvent toEvent(Readable row) {
        return new StoredAuditEvent(
                row.get("seq", Long.class),
                row.get("event_id", UUID.class),
                row.get("source", String.class),
                row.get("type", String.class),
                row.get("subject", String.class),
                row.get("actor_id", String.class),
                row.get("correlation_id", String.class),
                row.get("occurred_at", Instant.class),
                row.get("received_at", Instant.class),
                row.get("data", String.class));
    }
}

package io.mita.audit.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One CloudEvent as it will be appended to the audit log, already checked: everything the table requires is
 * present, {@code dataJson} (nullable) is a JSON document PostgreSQL's jsonb accepts, already masked, and
 * {@code emailHashes} are the keyed hashes of the e-mail addresses masking removed from it (sorted, maybe empty).
 */
record IncomingAuditEvent(
        UUID eventId,
        String source,
        String type,
        String subject,
        String actorId,
        String correlationId,
        Instant occurredAt,
        String topic,
        int partition,
        long offset,
        String dataJson,
        List<String> emailHashes) {

    /** Not from Kafka: the topic of the service's own records, partition and offset {@code -1}. */
    static final String OWN_TOPIC = "audit-service.access";

    static final String OWN_SOURCE = "/mita/audit-service";

    /** A record the audit service writes about itself (an access, an archived month), without e-mail hashes. */
    static IncomingAuditEvent ownRecord(String type, String subject, String actorId, String dataJson) {
        return new IncomingAuditEvent(
                UUID.randomUUID(),
                OWN_SOURCE,
                type,
                subject,
                actorId,
                null,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                OWN_TOPIC,
                -1,
                -1,
                dataJson,
                List.of());
    }
}

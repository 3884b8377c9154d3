package io.mita.audit.query;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit log as the compliance queries and the export read it; the real store is {@link AuditEventRepository}.
 */
public interface StoredAuditEvents {

    /** Events matching the filter with {@code seq < beforeSeq} (if given), newest first, at most {@code limit}. */
    Flux<StoredAuditEvent> find(AuditEventFilter filter, Long beforeSeq, int limit);

    Mono<StoredAuditEvent> findById(UUID eventId);

    /** Every event of the correlation id, oldest first. */
    Flux<StoredAuditEvent> story(String correlationId);
}

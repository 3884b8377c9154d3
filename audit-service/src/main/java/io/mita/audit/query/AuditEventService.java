package io.mita.audit.query;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The compliance use cases over the audit log: search it page by page, and read one event. */
@Service
class AuditEventService {

    private final StoredAuditEvents repository;
    private final JsonMapper jsonMapper;

    AuditEventService(StoredAuditEvents repository, JsonMapper jsonMapper) {
        this.repository = repository;
        this.jsonMapper = jsonMapper;
    }

    Mono<AuditEventPageResponse> search(AuditEventQuery query) {
        // one row more than the page tells whether another page exists
        return repository
                .find(query.filter(), query.beforeSeq(), query.limit() + 1)
                .collectList()
                .map(rows -> page(rows, query.limit()));
    }

    /** Every event of one correlation id, oldest first (in the order the log stored them). */
    Flux<AuditEventResponse> story(String correlationId) {
        return repository.story(correlationId).map(this::toResponse);
    }

    Mono<AuditEventResponse> get(UUID eventId) {
        return repository
                .findById(eventId)
                .map(this::toResponse)
                .switchIfEmpty(Mono.error(() -> new AuditEventNotFoundException(eventId.toString())));
    }

    private AuditEventPageResponse page(List<StoredAuditEvent> rows, int limit) {
        boolean more = rows.size() > limit;
        List<StoredAuditEvent> page = more ? rows.subList(0, limit) : rows;
        String nextCursor = more ? AuditCursor.encode(page.get(page.size() - 1).seq()) : null;
        return new AuditEventPageResponse(page.stream().map(this::toResponse).toList(), nextCursor);
    }

    private AuditEventResponse toResponse(StoredAuditEvent event) {
        JsonNode data = event.dataJson() == null ? null : jsonMapper.readTree(event.dataJson());
        return new AuditEventResponse(
                event.eventId(),
                event.source(),
                event.type(),
                event.subject(),
                event.actorId(),
                event.correlationId(),
                event.occurredAt(),
                event.receivedAt(),
                data,
                event.personalDataErased());
    }
}

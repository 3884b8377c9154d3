package io.mita.audit.query;

import io.mita.audit.trail.AccessTrail;
import io.mita.common.security.CurrentUser;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit log for compliance officers: search it, read one event, follow one correlation id. Nobody else may read
 * it, and every access is recorded in the log itself ({@link AccessTrail}) before it is answered.
 */
@RestController
@RequestMapping("/api/audit/events")
class AuditEventController {

    private final AuditEventService service;
    private final AccessTrail trail;

    AuditEventController(AuditEventService service, AccessTrail trail) {
        this.service = service;
        this.trail = trail;
    }

    /**
     * Events matching every given filter, newest first. {@code from} is inclusive, {@code to} exclusive (ISO-8601
     * date-times on the event's own time); {@code cursor} is the previous page's {@code nextCursor}.
     */
    @GetMapping
    @PreAuthorize("hasRole('COMPLIANCE')")
    public Mono<AuditEventPageResponse> search(
            CurrentUser user,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String correlationId,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        return Mono.fromSupplier(() ->
                        AuditEventQuery.of(subject, type, source, actor, correlationId, email, from, to, cursor, limit))
                .flatMap(query -> {
                    Map<String, String> details = query.filter().details();
                    put(details, "cursor", cursor);
                    put(details, "limit", limit);
                    return trail.record(user.userId(), "search", details).then(service.search(query));
                });
    }

    @GetMapping("/{eventId}")
    @PreAuthorize("hasRole('COMPLIANCE')")
    public Mono<AuditEventResponse> get(CurrentUser user, @PathVariable String eventId) {
        return Mono.fromSupplier(() -> AuditEventQuery.eventId(eventId))
                .flatMap(id -> trail.record(user.userId(), "read", Map.of("eventId", id.toString()))
                        .then(service.get(id)));
    }

    /** The whole story of one correlation id: every event it caused, in the order the log stored them. */
    @GetMapping("/story/{correlationId}")
    @PreAuthorize("hasRole('COMPLIANCE')")
    public Flux<AuditEventResponse> story(CurrentUser user, @PathVariable String correlationId) {
        return trail.record(user.userId(), "story", Map.of("correlationId", correlationId))
                .thenMany(service.story(correlationId));
    }

    private static void put(Map<String, String> filters, String name, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(name, value);
        }
    }
}

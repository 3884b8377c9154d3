package io.mita.audit.query;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The audit log for compliance officers: search it, read one event. Nobody else may read it. */
@RestController
@RequestMapping("/api/audit/events")
class AuditEventController {

    private final AuditEventService service;

    AuditEventController(AuditEventService service) {
        this.service = service;
    }

    /**
     * Events matching every given filter, newest first. {@code from} is inclusive, {@code to} exclusive (ISO-8601
     * date-times on the event's own time); {@code cursor} is the previous page's {@code nextCursor}.
     */
    @GetMapping
    @PreAuthorize("hasRole('COMPLIANCE')")
    public Mono<AuditEventPageResponse> search(
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
                .flatMap(service::search);
    }

    @GetMapping("/{eventId}")
    @PreAuthorize("hasRole('COMPLIANCE')")
    public Mono<AuditEventResponse> get(@PathVariable String eventId) {
        return Mono.fromSupplier(() -> AuditEventQuery.eventId(eventId)).flatMap(service::get);
    }
}

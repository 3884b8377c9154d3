package io.mita.audit.export;

import io.mita.audit.query.AuditEventFilter;
import io.mita.audit.trail.AccessTrail;
import io.mita.common.problem.ProblemException;
import io.mita.common.security.CurrentUser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit log as a file for compliance officers: every event matching the search's filters, as CSV or NDJSON,
 * streamed while it is read. Like every access, the export is first recorded in the log itself (action
 * {@code export}, with the filters and the format); nothing is sent if that fails.
 */
@RestController
class AuditExportController {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final AuditEventExport export;
    private final AccessTrail trail;

    AuditExportController(AuditEventExport export, AccessTrail trail) {
        this.export = export;
        this.trail = trail;
    }

    /**
     * {@code format} is {@code csv} (the default) or {@code ndjson}; the filters are the search's ({@code from}
     * inclusive, {@code to} exclusive, on the event's own time). There is no {@code cursor} or {@code limit}: the
     * file holds every matching event.
     */
    @GetMapping("/api/audit/events/export")
    @PreAuthorize("hasRole('COMPLIANCE')")
    public Mono<ResponseEntity<Flux<DataBuffer>>> export(
            CurrentUser user,
            @RequestParam(required = false) String format,
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
        return Mono.fromSupplier(() -> {
                    if (cursor != null || limit != null) {
                        throw new ProblemException(
                                HttpStatus.BAD_REQUEST,
                                "VALIDATION_FAILED",
                                "Validation failed",
                                "An export has no 'cursor' or 'limit': it holds every matching event.");
                    }
                    ExportFormat exportFormat = ExportFormat.parse(format);
                    AuditEventFilter filter =
                            AuditEventFilter.of(subject, type, source, actor, correlationId, email, from, to);
                    return new Request(exportFormat, filter);
                })
                .flatMap(request -> {
                    Map<String, String> details = request.filter().details();
                    details.put("format", request.format().extension());
                    return trail.record(user.userId(), "export", details).thenReturn(request);
                })
                .map(request -> ResponseEntity.ok()
                        .contentType(request.format().mediaType())
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename("audit-events-" + FILE_TIME.format(Instant.now()) + "."
                                                + request.format().extension())
                                        .build()
                                        .toString())
                        .body(export.export(request.filter(), request.format())));
    }

    private record Request(ExportFormat format, AuditEventFilter filter) {}
}

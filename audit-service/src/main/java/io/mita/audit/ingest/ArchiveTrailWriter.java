package io.mita.audit.ingest;

import io.mita.audit.trail.ArchiveTrail;
import io.mita.audit.trail.LogArchived;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Appends retention's records through the chain writer (no personal data in them: nothing to mask). */
@Component
class ArchiveTrailWriter implements ArchiveTrail {

    private final AuditEventWriter writer;
    private final JsonMapper jsonMapper;

    ArchiveTrailWriter(AuditEventWriter writer, JsonMapper jsonMapper) {
        this.writer = writer;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> archived(LogArchived archived) {
        return Mono.defer(() -> writer.append(List.of(IncomingAuditEvent.ownRecord(
                        TYPE, ARCHIVER, ARCHIVER, jsonMapper.writeValueAsString(archived))))
                .then());
    }
}

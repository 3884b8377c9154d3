package io.mita.audit.ingest;

import io.mita.audit.privacy.EventMasker;
import io.mita.audit.trail.AccessTrail;
import io.mita.audit.trail.LogAccessed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Appends access records through the same chain writer as ingested events (no Kafka: {@code topic} is
 * {@value IncomingAuditEvent#OWN_TOPIC}, partition and offset {@code -1}). The details are masked like any event data, so an e-mail a
 * compliance officer searched for is kept masked, with its keyed hash in {@code searchedEmailHashes} of the data
 * (not in {@code email_hashes}: a search by an address finds the events that held it, not the searches for it).
 */
@Component
class AccessTrailWriter implements AccessTrail {

    private final AuditEventWriter writer;
    private final EventMasker masker;
    private final JsonMapper jsonMapper;

    AccessTrailWriter(AuditEventWriter writer, EventMasker masker, JsonMapper jsonMapper) {
        this.writer = writer;
        this.masker = masker;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> record(UUID userId, String action, Map<String, String> details) {
        return Mono.defer(() -> {
            EventMasker.Masked masked = masker.mask(jsonMapper.valueToTree(new LogAccessed(action, details)));
            if (!masked.emailHashes().isEmpty()) {
                // kept in the data, not in email_hashes: a search by an address finds the events that held it,
                // not every search for it
                ((ObjectNode) masked.data()).set("searchedEmailHashes", jsonMapper.valueToTree(masked.emailHashes()));
            }
            IncomingAuditEvent event = IncomingAuditEvent.ownRecord(
                    TYPE, userId.toString(), userId.toString(), jsonMapper.writeValueAsString(masked.data()));
            return writer.append(List.of(event)).then();
        });
    }
}

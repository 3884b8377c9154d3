package io.mita.auth.export;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes the export's events in the caller's transaction; subject and actor the user. */
@Component
class DataExportPublisher {

    private final OutboxWriter outbox;

    DataExportPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> requested(DataExport export) {
        return append(
                export.userId(),
                DataExportRequested.TYPE,
                new DataExportRequested(export.userId(), export.id(), export.requestedAt()));
    }

    Mono<Void> completed(DataExport export, Instant at) {
        return append(
                export.userId(),
                DataExportCompleted.TYPE,
                new DataExportCompleted(
                        export.userId(), export.id(), export.status().name(), export.failureReason(), at));
    }

    Mono<Void> downloaded(UUID userId, UUID exportId, Instant at) {
        return append(userId, DataExportDownloaded.TYPE, new DataExportDownloaded(userId, exportId, at));
    }

    private Mono<Void> append(UUID userId, String type, Object payload) {
        return outbox.append(new OutgoingEvent(type, userId.toString(), payload), userId.toString())
                .then();
    }
}

package io.mita.ocr.receipt;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** An outbox that keeps the appended events in memory instead of a table. */
final class RecordingOutbox extends OutboxWriter {

    private final List<OutgoingEvent> appended = new CopyOnWriteArrayList<>();

    RecordingOutbox() {
        super(null, null, null, "/mita/ocr", null, Optional.empty());
    }

    List<String> types() {
        return appended.stream().map(OutgoingEvent::type).toList();
    }

    List<OutgoingEvent> appended() {
        return List.copyOf(appended);
    }

    @Override
    public Mono<UUID> append(OutgoingEvent event) {
        return Mono.fromSupplier(() -> {
            appended.add(event);
            return UUID.randomUUID();
        });
    }

    @Override
    public Mono<UUID> append(OutgoingEvent event, String actorId) {
        return append(event);
    }
}

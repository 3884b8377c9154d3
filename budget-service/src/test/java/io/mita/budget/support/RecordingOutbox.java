package io.mita.budget.support;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** An outbox that keeps the appended events in memory instead of a table (for the features' unit tests). */
public final class RecordingOutbox extends OutboxWriter {

    private final List<OutgoingEvent> appended = new CopyOnWriteArrayList<>();

    public RecordingOutbox() {
        super(null, null, null, "/mita/budget", null, Optional.empty());
    }

    public List<OutgoingEvent> appended() {
        return List.copyOf(appended);
    }

    public List<String> types() {
        return appended.stream().map(OutgoingEvent::type).toList();
    }

    /** The payloads of the events of one type, in order. */
    public <T> List<T> payloads(String type, Class<T> payload) {
        return appended.stream()
                .filter(event -> event.type().equals(type))
                .map(event -> payload.cast(event.data()))
                .toList();
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

package io.mita.auth;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The outbox in memory, for unit tests of use cases: keeps what was appended, in order, with its actor. The
 * real writer (database, envelope, masking) is covered by common-lib's tests and the ITs.
 */
public final class RecordingOutbox extends OutboxWriter {

    /** The actor of an event appended with the authenticated caller as actor. */
    public static final String CURRENT_USER = "<the authenticated caller>";

    private final List<Appended> appended = new ArrayList<>();

    public RecordingOutbox() {
        super(null, null, null, "/mita/auth", Clock.systemUTC(), Optional.empty());
    }

    @Override
    public Mono<UUID> append(OutgoingEvent event) {
        return append(event, CURRENT_USER);
    }

    @Override
    public Mono<UUID> append(OutgoingEvent event, String actorId) {
        return Mono.fromCallable(() -> {
            synchronized (appended) {
                appended.add(new Appended(event, actorId));
            }
            return UUID.randomUUID();
        });
    }

    public List<Appended> events() {
        synchronized (appended) {
            return List.copyOf(appended);
        }
    }

    /** The payloads of the events of this type, in the order they were appended. */
    public <T> List<T> payloads(String type, Class<T> payloadType) {
        return events().stream()
                .filter(e -> e.event().type().equals(type))
                .map(e -> payloadType.cast(e.event().data()))
                .toList();
    }

    public List<String> types() {
        return events().stream().map(e -> e.event().type()).toList();
    }

    public record Appended(OutgoingEvent event, String actorId) {}
}

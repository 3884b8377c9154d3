package io.mita.common.outbox;

import io.micrometer.tracing.Tracer;
import io.mita.common.correlation.CorrelationId;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.events.TraceParent;
import io.mita.common.pii.PiiMasker;
import io.mita.common.security.CurrentActor;
import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends an event to the transactional outbox. Call it inside the same reactive transaction as the
 * state change it describes: both commit or neither does. Correlation id, trace parent and actor come from the
 * Reactor context (the request's correlation id and server observation, the authenticated user; a Kafka
 * listener's with {@code contextCapture()}) unless the actor is given.
 */
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, source, type, subject, occurred_at, correlation_id, actor_id, traceparent, data)
            VALUES (:eventId, :source, :type, :subject, :occurredAt, :correlationId, :actorId, :traceparent, :data)""";

    private final DatabaseClient database;
    private final JsonMapper jsonMapper;
    private final PiiMasker masker;
    private final String source;
    private final Clock clock;
    private final Optional<Tracer> tracer;

    public OutboxWriter(
            DatabaseClient database,
            JsonMapper jsonMapper,
            PiiMasker masker,
            String source,
            Clock clock,
            Optional<Tracer> tracer) {
        this.database = database;
        this.jsonMapper = jsonMapper;
        this.masker = masker;
        this.source = source;
        this.clock = clock;
        this.tracer = tracer;
    }

    /** Appends with the authenticated caller as actor (none for system-caused events). */
    public Mono<UUID> append(OutgoingEvent event) {
        return CurrentActor.id()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(actor -> append(event, actor.orElse(null)));
    }

    /** Appends with an explicit actor, e.g. the user who just registered or logged in. */
    public Mono<UUID> append(OutgoingEvent event, String actorId) {
        UUID eventId = UUID.randomUUID();
        JsonNode data = masker.redactSecrets(jsonMapper.valueToTree(event.data()));
        // correlation id and trace parent from the subscriber's Reactor context: no thread local is restored
        // inside the chain (context-propagation: limited), and the insert runs on a database thread
        return Mono.deferContextual(context -> {
                    DatabaseClient.GenericExecuteSpec insert = database.sql(INSERT)
                            .bind("eventId", eventId)
                            .bind("source", source)
                            .bind("type", event.type())
                            .bind("subject", event.subject())
                            .bind("occurredAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                            .bind("data", Json.of(jsonMapper.writeValueAsString(data)));
                    insert = bindNullable(
                            insert, "correlationId", CorrelationId.from(context).orElse(null));
                    insert = bindNullable(insert, "actorId", actorId);
                    insert = bindNullable(insert, "traceparent", TraceParent.of(context, tracer.orElse(null)));
                    return insert.then();
                })
                .thenReturn(eventId);
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends an event to the transactional outbox. Call it inside the same reactive transaction as the
 * state change it describes: both commit or neither does. Correlation id, trace parent and actor come from the
 * Reactor context (the request's correlation id and server observation, the authenticated user; a Kafka
 * listener's with {@code contextCapture()}) unless the actor is given.
 *
 * <p>A change that announces several events can have them written in one statement, one round trip, at its end:
 * {@link #appendAll} for events known together, {@link #together} for a change whose steps append their own (each
 * event keeps the correlation id, actor and trace parent of its own append).
 *
 * <p>When the transaction that wrote an event commits (at once without one), {@code committed} runs: the relay of this
 * process is woken, so it need not poll an empty outbox often ({@link OutboxRelay#wakeUp()}).
 */
public class OutboxWriter {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, source, type, subject, occurred_at, correlation_id, actor_id, traceparent, data)
            VALUES (:eventId, :source, :type, :subject, :occurredAt, :correlationId, :actorId, :traceparent, :data)""";

    /**
     * Several events in one statement, in the order appended: the relay publishes by {@code seq}, assigned in the
     * {@code ORDER BY}'s order. Arrays, not a multi-row {@code VALUES}: one statement text whatever the number of
     * events, parsed and planned once.
     */
    static final String INSERT_ALL = """
            INSERT INTO outbox_event (event_id, source, type, subject, occurred_at, correlation_id, actor_id, traceparent, data)
            SELECT e.event_id, :source, e.type, e.subject, CAST(e.occurred_at AS timestamptz), e.correlation_id,
                e.actor_id, e.traceparent, CAST(e.data AS jsonb)
            FROM unnest(CAST(:eventIds AS uuid[]), CAST(:types AS text[]), CAST(:subjects AS text[]),
                CAST(:occurredAt AS text[]), CAST(:correlationIds AS text[]), CAST(:actorIds AS text[]),
                CAST(:traceparents AS text[]), CAST(:data AS text[]))
                WITH ORDINALITY AS e (event_id, type, subject, occurred_at, correlation_id, actor_id, traceparent,
                    data, position)
            ORDER BY e.position""";

    private final DatabaseClient database;
    private final JsonMapper jsonMapper;
    private final PiiMasker masker;
    private final String source;
    private final Clock clock;
    private final Optional<Tracer> tracer;
    private final Runnable committed;

    /** A writer that tells nobody of its commits (no relay in this process to wake). */
    public OutboxWriter(
            DatabaseClient database,
            JsonMapper jsonMapper,
            PiiMasker masker,
            String source,
            Clock clock,
            Optional<Tracer> tracer) {
        this(database, jsonMapper, masker, source, clock, tracer, () -> {});
    }

    /** {@code committed}: runs once the transaction that wrote events has committed (cheap, must not throw). */
    public OutboxWriter(
            DatabaseClient database,
            JsonMapper jsonMapper,
            PiiMasker masker,
            String source,
            Clock clock,
            Optional<Tracer> tracer,
            Runnable committed) {
        this.committed = committed;
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

    /**
     * Appends with an explicit actor, e.g. the user who just registered or logged in. Inside {@link #together}
     * the event is written with the others at the end of the change.
     */
    public Mono<UUID> append(OutgoingEvent event, String actorId) {
        UUID eventId = UUID.randomUUID();
        String data = jsonMapper.writeValueAsString(masker.redactSecrets(jsonMapper.valueToTree(event.data())));
        // correlation id and trace parent from the subscriber's Reactor context: no thread local is restored
        // inside the chain (context-propagation: limited), and the insert runs on a database thread
        return Mono.deferContextual(context -> {
            PendingEvent pending = new PendingEvent(
                    eventId,
                    event.type(),
                    event.subject(),
                    OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                    CorrelationId.from(context).orElse(null),
                    actorId,
                    TraceParent.of(context, tracer.orElse(null)),
                    data);
            Optional<PendingEvents> together = context.getOrEmpty(PendingEvents.class);
            if (together.isPresent()) {
                together.get().add(pending);
                return Mono.just(eventId);
            }
            return insert(pending).thenReturn(eventId);
        });
    }

    /** Appends the events in one statement, in their order, with the authenticated caller as actor. */
    public Mono<List<UUID>> appendAll(List<OutgoingEvent> events) {
        return together(Flux.fromIterable(events).concatMap(this::append).collectList());
    }

    /** Appends the events in one statement, in their order, with an explicit actor. */
    public Mono<List<UUID>> appendAll(List<OutgoingEvent> events, String actorId) {
        return together(Flux.fromIterable(events)
                .concatMap(event -> append(event, actorId))
                .collectList());
    }

    /**
     * Runs a change whose steps append events, and writes the events they appended in one statement once it
     * succeeded, in the order appended (none: no statement). Inside the change's transaction, like every append:
     * if the change or the write fails, neither commits.
     */
    public <T> Mono<T> together(Mono<T> change) {
        return Mono.defer(() -> {
            PendingEvents pending = new PendingEvents();
            return change.contextWrite(context -> context.put(PendingEvents.class, pending))
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(result -> insertAll(pending.taken()).then(Mono.justOrEmpty(result)));
        });
    }

    private Mono<Void> insert(PendingEvent event) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(INSERT)
                .bind("eventId", event.eventId())
                .bind("source", source)
                .bind("type", event.type())
                .bind("subject", event.subject())
                .bind("occurredAt", event.occurredAt())
                .bind("data", Json.of(event.data()));
        insert = bindNullable(insert, "correlationId", event.correlationId());
        insert = bindNullable(insert, "actorId", event.actorId());
        insert = bindNullable(insert, "traceparent", event.traceparent());
        return insert.then().then(afterCommit());
    }

    private Mono<Void> insertAll(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        if (events.size() == 1) {
            return insert(events.get(0));
        }
        int count = events.size();
        UUID[] eventIds = new UUID[count];
        String[] types = new String[count];
        String[] subjects = new String[count];
        String[] occurredAt = new String[count];
        String[] correlationIds = new String[count];
        String[] actorIds = new String[count];
        String[] traceparents = new String[count];
        String[] data = new String[count];
        for (int i = 0; i < count; i++) {
            PendingEvent event = events.get(i);
            eventIds[i] = event.eventId();
            types[i] = event.type();
            subjects[i] = event.subject();
            occurredAt[i] = event.occurredAt().toString();
            correlationIds[i] = event.correlationId();
            actorIds[i] = event.actorId();
            traceparents[i] = event.traceparent();
            data[i] = event.data();
        }
        return database.sql(INSERT_ALL)
                .bind("source", source)
                .bind("eventIds", eventIds)
                .bind("types", types)
                .bind("subjects", subjects)
                .bind("occurredAt", occurredAt)
                .bind("correlationIds", correlationIds)
                .bind("actorIds", actorIds)
                .bind("traceparents", traceparents)
                .bind("data", data)
                .then()
                .then(afterCommit());
    }

    /** Runs {@code committed} when the current transaction commits, or now when there is none (auto-commit). */
    private Mono<Void> afterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(committed);
                    }
                }))
                .onErrorResume(NoTransactionException.class, none -> Mono.empty())
                .switchIfEmpty(Mono.fromRunnable(committed))
                .then();
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    /** An event as its append saw it: its row of {@code outbox_event} but the source. */
    private record PendingEvent(
            UUID eventId,
            String type,
            String subject,
            OffsetDateTime occurredAt,
            String correlationId,
            String actorId,
            String traceparent,
            String data) {}

    /** The events appended inside one {@link #together}, in the order appended (steps may run on other threads). */
    private static final class PendingEvents {

        private final List<PendingEvent> events = new ArrayList<>();

        synchronized void add(PendingEvent event) {
            events.add(event);
        }

        synchronized List<PendingEvent> taken() {
            List<PendingEvent> taken = List.copyOf(events);
            events.clear();
            return taken;
        }
    }
}

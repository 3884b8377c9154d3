package io.mita.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.mita.common.correlation.CorrelationId;
import io.mita.common.events.EventExtensions;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.inbox.ProcessedEvents;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@MitaIntegrationTest
class OutboxIT {

    record PasswordChanged(String userId, String password, String note) {}

    @Autowired
    OutboxWriter outbox;

    @Autowired
    ProcessedEvents processedEvents;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReactiveTransactionManager transactionManager;

    @Autowired
    MitaEventsProperties properties;

    @Autowired
    Tracer tracer;

    @Autowired
    ObservationRegistry observations;

    @Test
    void anEventWrittenInACommittedTransactionReachesKafkaAsACloudEventKeyedByItsSubject() {
        String subject = UUID.randomUUID().toString();
        // as a Kafka listener does: its observation is current on the calling thread, and contextCapture() hands
        // it to the chain (no automatic context propagation: the insert runs on a database thread)
        Observation observation = Observation.start("change-password", observations);
        Span span;
        UUID eventId;
        try (Observation.Scope scope = observation.openScope()) {
            span = tracer.currentSpan();
            eventId = TransactionalOperator.create(transactionManager)
                    .transactional(outbox.append(
                            new OutgoingEvent(
                                    "mita.commontest.password.changed.v1",
                                    subject,
                                    new PasswordChanged(subject, "hunter2hunter2", "mail jane.doe@example.com")),
                            "actor-7"))
                    .contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, "corr-outbox-1"))
                    .contextCapture()
                    .block();
        } finally {
            observation.stop();
        }
        assertThat(span).as("the observation's span").isNotNull();

        ConsumerRecord<String, CloudEvent> record = awaitRecord(properties.topic(), eventId.toString());
        CloudEvent event = record.value();
        assertThat(record.key()).isEqualTo(subject);
        assertThat(event.getType()).isEqualTo("mita.commontest.password.changed.v1");
        assertThat(event.getSource().toString()).isEqualTo("/mita/commontest");
        assertThat(event.getSubject()).isEqualTo(subject);
        assertThat(event.getTime()).isNotNull();
        assertThat(EventExtensions.correlationId(event)).isEqualTo("corr-outbox-1");
        assertThat(EventExtensions.actorId(event)).isEqualTo("actor-7");
        String traceparent =
                "00-" + span.context().traceId() + "-" + span.context().spanId();
        assertThat(EventExtensions.traceparent(event)).startsWith(traceparent);
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                .startsWith(traceparent);
        String data = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
        assertThat(JsonMapper.builder().build().readTree(data).get("password").asString())
                .isEqualTo("[REDACTED]");
        assertThat(data).doesNotContain("hunter2");
        assertThat(unpublishedCount(eventId)).isZero();
    }

    @Test
    void eventsAppendedTogetherAreStoredInTheirOrderEachWithTheCallersCorrelationActorAndTrace() {
        String subject = UUID.randomUUID().toString();
        List<OutgoingEvent> events = List.of(
                new OutgoingEvent("mita.commontest.thing.created.v1", subject, Map.of("n", 1)),
                new OutgoingEvent(
                        "mita.commontest.password.changed.v1",
                        subject,
                        new PasswordChanged(subject, "hunter2hunter2", "second")),
                new OutgoingEvent("mita.commontest.thing.reached.v1", subject, Map.of("n", 3)));
        Observation observation = Observation.start("create-thing", observations);
        Span span;
        List<UUID> eventIds;
        try (Observation.Scope scope = observation.openScope()) {
            span = tracer.currentSpan();
            eventIds = TransactionalOperator.create(transactionManager)
                    .transactional(outbox.appendAll(events, "actor-9"))
                    .contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, "corr-outbox-all"))
                    .contextCapture()
                    .block();
        } finally {
            observation.stop();
        }
        assertThat(span).as("the observation's span").isNotNull();

        List<Map<String, Object>> rows = rowsOf(subject);

        assertThat(rows).extracting(row -> row.get("event_id")).containsExactlyElementsOf(eventIds);
        assertThat(rows)
                .extracting(row -> row.get("type"))
                .containsExactly(
                        "mita.commontest.thing.created.v1",
                        "mita.commontest.password.changed.v1",
                        "mita.commontest.thing.reached.v1");
        String traceparent =
                "00-" + span.context().traceId() + "-" + span.context().spanId();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("source")).isEqualTo("/mita/commontest");
            assertThat(row.get("correlation_id")).isEqualTo("corr-outbox-all");
            assertThat(row.get("actor_id")).isEqualTo("actor-9");
            assertThat((String) row.get("traceparent")).startsWith(traceparent);
            assertThat(row.get("occurred_at")).isNotNull();
        });
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree((String) rows.get(0).get("data")).get("n").asInt())
                .isEqualTo(1);
        assertThat(json.readTree((String) rows.get(1).get("data"))
                        .get("password")
                        .asString())
                .isEqualTo("[REDACTED]");
        assertThat(json.readTree((String) rows.get(2).get("data")).get("n").asInt())
                .isEqualTo(3);
    }

    @Test
    void eventsAppendedByTheStepsOfAChangeAreWrittenTogetherAtItsEndEachWithItsOwnCorrelationAndActor() {
        String subject = UUID.randomUUID().toString();
        Mono<String> change = outbox.append(
                        new OutgoingEvent("mita.commontest.thing.created.v1", subject, Map.of("n", 1)), "actor-1")
                .contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, "corr-first"))
                .then(outbox.append(new OutgoingEvent("mita.commontest.thing.moved.v1", subject, Map.of("n", 2)), null))
                // read in the change's own transaction: it would see its own rows
                .then(database.sql("SELECT count(*) AS n FROM outbox_event WHERE subject = :subject")
                        .bind("subject", subject)
                        .map(row -> row.get("n", Long.class))
                        .one())
                .map(storedMeanwhile -> "stored while the change ran: " + storedMeanwhile);

        String result = TransactionalOperator.create(transactionManager)
                .transactional(outbox.together(change))
                .block();

        assertThat(result).isEqualTo("stored while the change ran: 0");
        List<Map<String, Object>> rows = rowsOf(subject);
        assertThat(rows)
                .extracting(row -> row.get("type"))
                .containsExactly("mita.commontest.thing.created.v1", "mita.commontest.thing.moved.v1");
        assertThat(rows.get(0).get("correlation_id")).isEqualTo("corr-first");
        assertThat(rows.get(0).get("actor_id")).isEqualTo("actor-1");
        assertThat(rows.get(1).get("correlation_id")).isNull();
        assertThat(rows.get(1).get("actor_id")).isNull();
    }

    @Test
    void eventsAppendedByAChangeThatFailsAreNeverWritten() {
        String subject = UUID.randomUUID().toString();
        // no transaction around it: only the write at the end, which a failed change never reaches, keeps it out
        Mono<Void> failingChange = outbox.append(
                        new OutgoingEvent("mita.commontest.thing.created.v1", subject, Map.of("n", 1)), "actor")
                .then(Mono.error(new IllegalStateException("the state change failed")));

        try {
            outbox.together(failingChange).block();
        } catch (IllegalStateException expected) {
            // the change failed: its events must not be written
        }

        assertThat(storedTypes(subject)).isEmpty();
    }

    @Test
    void appendingNoEventsWritesNothing() {
        long before = outboxRows();

        List<UUID> eventIds = TransactionalOperator.create(transactionManager)
                .transactional(outbox.appendAll(List.of(), "actor"))
                .block();

        assertThat(eventIds).isEmpty();
        assertThat(outboxRows()).isEqualTo(before);
    }

    @Test
    void anEventWhoseTransactionRollsBackIsNeitherStoredNorPublished() {
        String subject = UUID.randomUUID().toString();
        List<UUID> written = new ArrayList<>();
        Mono<Void> failingChange = outbox.append(
                        new OutgoingEvent("mita.commontest.thing.created.v1", subject, Map.of("n", 1)), "actor")
                .doOnNext(written::add)
                .then(Mono.error(new IllegalStateException("the state change failed")));
        try {
            TransactionalOperator.create(transactionManager)
                    .transactional(failingChange)
                    .block();
        } catch (IllegalStateException expected) {
            // the business change failed, so the event must vanish with it
        }
        assertThat(written).hasSize(1);
        Long rows = database.sql("SELECT count(*) AS n FROM outbox_event WHERE event_id = :id")
                .bind("id", written.get(0))
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
        assertThat(rows).isZero();
    }

    @Test
    void theInboxAcceptsAnEventIdOncePerConsumer() {
        UUID eventId = UUID.randomUUID();
        assertThat(processedEvents.markProcessed(eventId, "consumer-a").block()).isTrue();
        assertThat(processedEvents.markProcessed(eventId, "consumer-a").block()).isFalse();
        assertThat(processedEvents.markProcessed(eventId, "consumer-b").block()).isTrue();
    }

    private List<Map<String, Object>> rowsOf(String subject) {
        return database.sql("SELECT event_id, type, source, correlation_id, actor_id, traceparent, data::text AS data,"
                        + " occurred_at FROM outbox_event WHERE subject = :subject ORDER BY seq")
                .bind("subject", subject)
                .fetch()
                .all()
                .collectList()
                .block();
    }

    private List<Object> storedTypes(String subject) {
        return rowsOf(subject).stream().map(row -> row.get("type")).toList();
    }

    private long outboxRows() {
        return database.sql("SELECT count(*) AS n FROM outbox_event")
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private long unpublishedCount(UUID eventId) {
        return database.sql("SELECT count(*) AS n FROM outbox_event WHERE event_id = :id AND published_at IS NULL")
                .bind("id", eventId)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    static ConsumerRecord<String, CloudEvent> awaitRecord(String topic, String eventId) {
        try (KafkaConsumer<String, CloudEvent> consumer = KafkaTestBroker.consumer("outbox-it")) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, CloudEvent>> found = new ArrayList<>();
            await().atMost(KafkaTestBroker.patience()).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() != null && eventId.equals(record.value().getId())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}

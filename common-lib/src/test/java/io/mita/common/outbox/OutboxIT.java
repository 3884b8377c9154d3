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

package io.mita.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
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

    @Test
    void anEventWrittenInACommittedTransactionReachesKafkaAsACloudEventKeyedByItsSubject() {
        String subject = UUID.randomUUID().toString();
        Span span = tracer.nextSpan().name("change-password").start();
        UUID eventId;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            eventId = TransactionalOperator.create(transactionManager)
                    .transactional(outbox.append(
                            new OutgoingEvent(
                                    "mita.commontest.password.changed.v1",
                                    subject,
                                    new PasswordChanged(subject, "hunter2hunter2", "mail jane.doe@example.com")),
                            "actor-7"))
                    .contextWrite(context -> context.put(CorrelationId.CONTEXT_KEY, "corr-outbox-1"))
                    .block();
        } finally {
            span.end();
        }

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
    void whenKafkaRefusesTheEventStaysInTheOutboxWithItsErrorAndIsPublishedLater() {
        String subject = UUID.randomUUID().toString();
        var unreachable = new KafkaTemplate<String, CloudEvent>(new DefaultKafkaProducerFactory<>(
                Map.of(
                        "bootstrap.servers",
                        "127.0.0.1:1",
                        "max.block.ms",
                        300,
                        "delivery.timeout.ms",
                        600,
                        "request.timeout.ms",
                        300,
                        "linger.ms",
                        0),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new CloudEventSerializer()));
        var brokenRelay = new OutboxRelay(
                database,
                TransactionalOperator.create(transactionManager),
                unreachable,
                new MitaEventsProperties(
                        properties.topic(), properties.source(), Duration.ofHours(1), 10_000, properties.retention()),
                new SimpleMeterRegistry());
        // the running relay may win the race for this row; hold it back by writing inside a pass of the broken relay
        UUID eventId = TransactionalOperator.create(transactionManager)
                .transactional(outbox.append(
                                new OutgoingEvent("mita.commontest.thing.created.v1", subject, Map.of("n", 2)), "a")
                        .flatMap(id -> brokenRelay.publishPass().thenReturn(id)))
                .block();
        ConsumerRecord<String, CloudEvent> record = awaitRecord(properties.topic(), eventId.toString());
        assertThat(record.value().getSubject()).isEqualTo(subject);
        String lastError = database.sql("SELECT last_error FROM outbox_event WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get("last_error", String.class))
                .one()
                .block();
        assertThat(lastError).isNotBlank();
        unreachable.destroy();
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

package io.mita.budget.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.mita.common.events.EventExtensions;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TopicRecords;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confirmed receipts from a real broker into the real database: one transaction per receipt whatever the
 * redelivery, poison to {@code mita.ocr.v1.dlt} without stalling the partition. Every test uses its own user,
 * which is also the Kafka key, so a test's records share a partition and keep their order.
 */
@MitaIntegrationTest
class ReceiptConfirmedIT {

    static final String TOPIC = "mita.ocr.v1";
    static final String DEAD_LETTERS = TOPIC + ".dlt";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static KafkaProducer<String, CloudEvent> producer;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReceiptTransactions receiptTransactions;

    private final UUID user = UUID.randomUUID();

    @BeforeAll
    static void connectProducer() {
        producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()),
                new StringSerializer(),
                new CloudEventSerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void aConfirmedReceiptBecomesOneExpenseWithItsCreatedEventCarryingTheCorrelationIdAndTrace() {
        UUID receiptId = UUID.randomUUID();
        String correlationId = "receipt-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpanId = "00f067aa0ba902b7";

        publish(
                CloudEventBuilder.v1(event(UUID.randomUUID(), receipt(receiptId, "23.47")))
                        .withExtension(EventExtensions.CORRELATION_ID, correlationId)
                        .build(),
                "00-" + traceId + "-" + producerSpanId + "-01");

        Map<String, Object> row = awaitTransactions(1).get(0);
        assertThat(row)
                .containsEntry("type", "EXPENSE")
                .containsEntry("currency", "EUR")
                .containsEntry("category", "groceries")
                .containsEntry("merchant", "Lidl")
                .containsEntry("occurred_on", LocalDate.of(2026, 1, 15));
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("23.47");
        Map<String, Object> event = database.sql(
                        "SELECT type, correlation_id, actor_id, traceparent, data::text AS data FROM outbox_event"
                                + " WHERE subject = :user")
                .bind("user", user.toString())
                .fetch()
                .one()
                .block(Duration.ofSeconds(10));
        assertThat(event)
                .containsEntry("type", "mita.budget.transaction.created.v1")
                .containsEntry("correlation_id", correlationId)
                .containsEntry("actor_id", user.toString());
        assertThat((String) event.get("traceparent"))
                .as("the transaction's event continues the receipt event's trace (the consumer's span)")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(producerSpanId);
        assertThat((String) event.get("data")).contains(row.get("id").toString());
        assertThat(inboxRows(receiptId)).isEqualTo(1);
    }

    @Test
    void theSameReceiptPublishedTwiceAndAgainUnderAnotherEventIdMakesOneTransaction() {
        UUID receiptId = UUID.randomUUID();
        CloudEvent event = event(UUID.randomUUID(), receipt(receiptId, "12.00"));

        CompletableFuture.allOf(
                        CompletableFuture.runAsync(() -> publish(event)),
                        CompletableFuture.runAsync(() -> publish(event)),
                        CompletableFuture.runAsync(
                                () -> publish(event(UUID.randomUUID(), receipt(receiptId, "12.00")))))
                .join();
        publish(event(UUID.randomUUID(), receipt(UUID.randomUUID(), "1.00")));

        List<Map<String, Object>> rows = awaitTransactions(2);
        assertThat(rows)
                .extracting(row ->
                        ((BigDecimal) row.get("amount")).stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("12", "1");
        assertThat(inboxRows(receiptId)).isEqualTo(1);
        assertThat(createdEvents()).isEqualTo(2);
    }

    @Test
    void concurrentDeliveriesOfOneReceiptMakeOneTransaction() {
        ReceiptConfirmed receipt = receipt(UUID.randomUUID(), "9.99");

        List<Boolean> outcomes = Flux.range(0, 8)
                .parallel(8)
                .runOn(Schedulers.boundedElastic())
                .flatMap(i -> receiptTransactions.recordOnce(UUID.randomUUID(), receipt))
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(8).containsOnlyOnce(true);
        assertThat(transactions()).hasSize(1);
        assertThat(inboxRows(receipt.receiptId())).isEqualTo(1);
        assertThat(createdEvents()).isEqualTo(1);
    }

    @Test
    void aPoisonReceiptGoesToTheDeadLetterTopicAndTheNextReceiptsAreRecorded() {
        UUID badTotal = UUID.randomUUID();
        UUID noCurrency = UUID.randomUUID();
        Map<String, Object> withoutCurrency = data(receipt(UUID.randomUUID(), "3.00"));
        withoutCurrency.remove("currency");

        publish(event(badTotal, data(receipt(UUID.randomUUID(), "twelve"))));
        publish(event(noCurrency, withoutCurrency));
        publish(event(UUID.randomUUID(), receipt(UUID.randomUUID(), "4.00")));

        assertThat(awaitTransactions(1).get(0).get("amount")).isEqualTo(new BigDecimal("4.0000"));
        assertThat(header(awaitDeadLetter(badTotal), "kafka_dlt-exception-message"))
                .contains("decimal");
        assertThat(header(awaitDeadLetter(noCurrency), "kafka_dlt-exception-message"))
                .contains("lacks currency");
    }

    @Test
    void otherEventTypesOnTheTopicArePassedOverAndNeverDeadLettered() {
        UUID other = UUID.randomUUID();

        publish(CloudEventBuilder.v1(event(other, receipt(UUID.randomUUID(), "5.00")))
                .withType("mita.ocr.receipt.processed.v1")
                .build());
        publish(event(UUID.randomUUID(), receipt(UUID.randomUUID(), "6.00")));

        assertThat(awaitTransactions(1).get(0).get("amount")).isEqualTo(new BigDecimal("6.0000"));
        assertThat(TopicRecords.readAll(DEAD_LETTERS))
                .noneMatch(record -> other.toString().equals(header(record, "ce_id")));
    }

    // ---------------------------------------------------------------------------------------------

    private ReceiptConfirmed receipt(UUID receiptId, String total) {
        return new ReceiptConfirmed(
                receiptId,
                user,
                "Lidl",
                LocalDate.of(2026, 1, 15),
                total,
                "EUR",
                "groceries",
                null,
                Instant.parse("2026-01-15T18:04:11Z"));
    }

    private static Map<String, Object> data(ReceiptConfirmed receipt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("receiptId", receipt.receiptId().toString());
        data.put("userId", receipt.userId().toString());
        data.put("merchant", receipt.merchant());
        data.put("occurredOn", receipt.occurredOn().toString());
        data.put("total", receipt.total());
        data.put("currency", receipt.currency());
        data.put("category", receipt.category());
        data.put("confirmedAt", receipt.confirmedAt().toString());
        return data;
    }

    private CloudEvent event(UUID eventId, ReceiptConfirmed receipt) {
        return event(eventId, data(receipt));
    }

    private CloudEvent event(UUID eventId, Map<String, Object> data) {
        return CloudEventBuilder.v1()
                .withId(eventId.toString())
                .withSource(URI.create("/mita/ocr"))
                .withType(ReceiptConfirmed.TYPE)
                .withSubject(user.toString())
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build();
    }

    private static void publish(CloudEvent event) {
        publish(new ProducerRecord<>(TOPIC, event.getSubject(), event));
    }

    /** With the W3C header the outbox relay sets, from which the consumer's observation continues the trace. */
    private static void publish(CloudEvent event, String traceparent) {
        ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(TOPIC, event.getSubject(), event);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        publish(record);
    }

    private static void publish(ProducerRecord<String, CloudEvent> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> transactions() {
        return database.sql("SELECT * FROM transaction WHERE user_id = :user")
                .bind("user", user)
                .fetch()
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    /** Waits until the user has {@code expected} transactions, and answers them (never more). */
    private List<Map<String, Object>> awaitTransactions(int expected) {
        await().atMost(KafkaTestBroker.patience()).until(() -> transactions().size() >= expected);
        List<Map<String, Object>> rows = transactions();
        assertThat(rows).hasSize(expected);
        return rows;
    }

    private long inboxRows(UUID receiptId) {
        return database.sql("SELECT count(*) AS n FROM receipt_inbox WHERE receipt_id = :receiptId")
                .bind("receiptId", receiptId)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(10));
    }

    private long createdEvents() {
        return database.sql(
                        "SELECT count(*) AS n FROM outbox_event WHERE subject = :user AND type = 'mita.budget.transaction.created.v1'")
                .bind("user", user.toString())
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(10));
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(UUID eventId) {
        await().atMost(KafkaTestBroker.patience())
                .until(() -> TopicRecords.readAll(DEAD_LETTERS).stream()
                        .anyMatch(record -> eventId.toString().equals(header(record, "ce_id"))));
        return TopicRecords.readAll(DEAD_LETTERS).stream()
                .filter(record -> eventId.toString().equals(header(record, "ce_id")))
                .findFirst()
                .orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

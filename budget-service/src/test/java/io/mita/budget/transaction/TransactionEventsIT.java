package io.mita.budget.transaction;

import static io.mita.budget.transaction.BudgetApi.json;
import static io.mita.budget.transaction.TransactionFixtures.anExpense;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.cloudevents.CloudEvent;
import io.mita.common.events.EventExtensions;
import io.mita.testsupport.GoldenEvents;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.LogLines;
import io.mita.testsupport.MitaIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@MitaIntegrationTest
class TransactionEventsIT {

    private static final String TOPIC = "mita.budget.v1";

    @Autowired
    WebTestClient webTestClient;

    private BudgetApi api;
    private KafkaConsumer<String, CloudEvent> consumer;
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new BudgetApi(webTestClient);
        consumer = KafkaTestBroker.consumer("budget-events-it");
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterEach
    void tearDown() {
        consumer.close();
    }

    @Test
    void creatingATransactionPublishesTheCreatedEventWithTheRequestsCorrelationId() {
        String correlationId = "it-" + UUID.randomUUID();

        JsonNode created = json(api.client()
                .post()
                .uri(BudgetApi.PATH)
                .header("Authorization", BudgetApi.bearer(user))
                .header("X-Correlation-Id", correlationId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(anExpense())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("X-Correlation-Id", correlationId));

        ConsumerRecord<String, CloudEvent> record = eventsOfUser(1).get(0);
        CloudEvent event = record.value();
        assertThat(event.getType()).isEqualTo("mita.budget.transaction.created.v1");
        assertThat(event.getSubject()).isEqualTo(user.toString());
        assertThat(record.key()).isEqualTo(user.toString());
        assertThat(event.getSource().toString()).isEqualTo("/mita/budget");
        assertThat(EventExtensions.correlationId(event)).isEqualTo(correlationId);
        assertThat(EventExtensions.actorId(event)).isEqualTo(user.toString());
        assertThat(EventExtensions.traceparent(event))
                .as("the request's W3C trace context")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");

        JsonNode data = data(event);
        GoldenEvents.assertSerialisesToShapeOf(event.getType(), data);
        assertThat(data.get("transactionId").asString())
                .isEqualTo(created.get("id").asString());
        assertThat(data.get("userId").asString()).isEqualTo(user.toString());
        assertThat(data.get("amount").asString()).isEqualTo("12.50");
        assertThat(data.has("note")).as("the note never leaves the service").isFalse();
        assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                .doesNotContain("weekly shop");
    }

    @Test
    void aTransactionCreatedUnderAClientsTraceIsLoggedWithItsIdsAndItsEventContinuesThatTrace() {
        String correlationId = "trace-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpanId = "00f067aa0ba902b7";

        try (LogLines requestLines = LogLines.of("mita.request")) {
            api.client()
                    .post()
                    .uri(BudgetApi.PATH)
                    .header("Authorization", BudgetApi.bearer(user))
                    .header("X-Correlation-Id", correlationId)
                    .header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(anExpense())
                    .exchange()
                    .expectStatus()
                    .isCreated();

            ILoggingEvent line = requestLines.awaitOneWithCorrelationId(correlationId);
            assertThat(line.getFormattedMessage()).startsWith("POST " + BudgetApi.PATH + " -> 201 in ");
            assertThat(line.getMDCPropertyMap())
                    .containsEntry("traceId", traceId)
                    .containsKey("spanId");
        }

        CloudEvent event = eventsOfUser(1).get(0).value();
        assertThat(EventExtensions.correlationId(event)).isEqualTo(correlationId);
        assertThat(EventExtensions.traceparent(event))
                .as("the request's trace, budget-service's span, sampled as the client asked")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(clientSpanId);
    }

    @Test
    void updatesAndDeletionsFollowInOrderUnderTheUsersKey() {
        UUID id = api.createdId(user, anExpense());
        api.patch(user, id, Map.of("amount", "14.90"), "\"0\"").expectStatus().isOk();
        api.delete(user, id).expectStatus().isNoContent();

        List<ConsumerRecord<String, CloudEvent>> records = eventsOfUser(3);

        assertThat(records)
                .extracting(r -> r.value().getType())
                .containsExactly(
                        "mita.budget.transaction.created.v1",
                        "mita.budget.transaction.updated.v1",
                        "mita.budget.transaction.deleted.v1");
        assertThat(records)
                .extracting(r -> r.partition())
                .containsOnly(records.get(0).partition());
        for (ConsumerRecord<String, CloudEvent> record : records) {
            JsonNode data = data(record.value());
            GoldenEvents.assertSerialisesToShapeOf(record.value().getType(), data);
            assertThat(data.get("transactionId").asString()).isEqualTo(id.toString());
        }
        assertThat(records)
                .extracting(r -> data(r.value()).get("version").asLong())
                .containsExactly(0L, 1L, 2L);
        assertThat(data(records.get(1).value()).get("amount").asString()).isEqualTo("14.90");
    }

    /** Polls until {@code expected} events about this test's user arrived (others' events are skipped). */
    private List<ConsumerRecord<String, CloudEvent>> eventsOfUser(int expected) {
        List<ConsumerRecord<String, CloudEvent>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(KafkaTestBroker.patience());
        while (found.size() < expected && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() != null
                        && user.toString().equals(record.value().getSubject())) {
                    found.add(record);
                }
            }
        }
        assertThat(found).as("events about user %s on %s", user, TOPIC).hasSize(expected);
        return found;
    }

    private static JsonNode data(CloudEvent event) {
        return BudgetApi.JSON.readTree(event.getData().toBytes());
    }
}

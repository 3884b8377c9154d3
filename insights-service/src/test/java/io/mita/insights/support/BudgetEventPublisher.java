package io.mita.insights.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.mita.testsupport.KafkaTestBroker;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Publishes budget-service's events for one user to the test broker's mita.budget.v1, as budget-service would. */
public final class BudgetEventPublisher implements AutoCloseable {

    public static final String TOPIC = "mita.budget.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()),
            new StringSerializer(),
            new CloudEventSerializer());
    private final UUID user;

    public BudgetEventPublisher(UUID user) {
        this.user = user;
    }

    /** The data of a transaction event. */
    public Map<String, Object> transaction(
            UUID id, String type, String amount, String category, LocalDate on, String merchant, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", id.toString());
        data.put("userId", user.toString());
        data.put("type", type);
        data.put("amount", amount);
        data.put("currency", "EUR");
        data.put("category", category);
        data.put("occurredOn", on.toString());
        data.put("merchant", merchant);
        data.put("version", version);
        return data;
    }

    public Map<String, Object> plan(
            YearMonth month, String income, String savingsTarget, Map<String, String> allocations, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", UUID.randomUUID().toString());
        data.put("userId", user.toString());
        data.put("month", month.toString());
        data.put("currency", "EUR");
        data.put("income", income);
        data.put("commitmentsTotal", "0.00");
        data.put("savingsTarget", savingsTarget);
        data.put(
                "allocations",
                allocations.entrySet().stream()
                        .map(e -> Map.of("category", e.getKey(), "amount", e.getValue()))
                        .toList());
        data.put("allowOverAllocation", false);
        data.put("releaseCommitments", false);
        data.put("releaseSavings", true);
        data.put("version", version);
        return data;
    }

    public CloudEvent event(UUID eventId, String type, Map<String, Object> data) {
        return CloudEventBuilder.v1()
                .withId(eventId.toString())
                .withSource(URI.create("/mita/budget"))
                .withType(type)
                .withSubject(user.toString())
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build();
    }

    /** Publishes a new event; answers its id. */
    public UUID publish(String type, Map<String, Object> data) {
        UUID id = UUID.randomUUID();
        publish(event(id, type, data));
        return id;
    }

    public void publish(CloudEvent event) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, event.getSubject(), event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void publishAll(List<CloudEvent> events) {
        events.forEach(this::publish);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

package io.mita.testsupport;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes CloudEvents to the test broker the way a service's outbox relay does (binary mode, JSON data, the
 * Kafka key given, normally the subject), and waits for the broker's acknowledgement.
 */
public final class TestEventProducer implements AutoCloseable {

    private final KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()),
            new StringSerializer(),
            new CloudEventSerializer());

    /** An event of this id, type and subject from {@code source} with this JSON as data. */
    public static CloudEvent event(UUID id, String source, String type, String subject, String json) {
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** Publishes keyed by the event's subject. */
    public void publish(String topic, CloudEvent event) {
        publish(topic, event.getSubject(), event);
    }

    public void publish(String topic, String key, CloudEvent event) {
        send(new ProducerRecord<>(topic, key, event));
    }

    /** Publishes to this partition of the topic, keyed by the event's subject. */
    public void publishTo(String topic, int partition, CloudEvent event) {
        send(new ProducerRecord<>(topic, partition, event.getSubject(), event));
    }

    private void send(ProducerRecord<String, CloudEvent> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "could not publish " + record.value().getId() + " to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

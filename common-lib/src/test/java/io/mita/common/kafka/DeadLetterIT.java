package io.mita.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.CommonLibTestApplication;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MitaIntegrationTest
class DeadLetterIT {

    static final String TOPIC = CommonLibTestApplication.INBOUND_TOPIC;

    @Autowired
    CommonLibTestApplication.RecordingListener listener;

    @Autowired
    MeterRegistry meters;

    @Test
    void aWellFormedEventIsDeliveredToTheListener() throws Exception {
        CloudEvent event = event("mita.commontest.thing.created.v1");
        send(event);
        await().atMost(KafkaTestBroker.patience())
                .until(() ->
                        listener.received.stream().anyMatch(seen -> seen.getId().equals(event.getId())));
    }

    @Test
    void anEventTheListenerRefusesGoesToTheDeadLetterTopicWithTheReasonAndItsAttributes() throws Exception {
        CloudEvent poison = event("mita.commontest.poison.created.v1");
        send(poison);
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(record -> hasHeader(record, "ce_id", poison.getId()));
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("refusing " + poison.getId());
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        assertThat(listener.received).noneMatch(seen -> seen.getId().equals(poison.getId()));
        assertThat(meters.get("mita.kafka.dead.letters")
                        .tag("topic", TOPIC)
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void bytesThatAreNotACloudEventGoToTheDeadLetterTopicUnchanged() throws Exception {
        String marker = "not-a-cloud-event-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "k", marker.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(
                record -> record.value() != null && marker.equals(new String(record.value(), StandardCharsets.UTF_8)));
        assertThat(header(dead, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
    }

    private static CloudEvent event(String type) {
        return CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/mita/test"))
                .withType(type)
                .withSubject(UUID.randomUUID().toString())
                .withDataContentType("application/json")
                .withData("{\"n\":1}".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static void send(CloudEvent event) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()),
                new StringSerializer(),
                new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, event.getSubject(), event))
                    .get();
        }
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC + MitaKafkaAutoConfiguration.DEAD_LETTER_SUFFIX));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(KafkaTestBroker.patience()).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    private static boolean hasHeader(ConsumerRecord<String, byte[]> record, String name, String value) {
        return value.equals(header(record, name));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

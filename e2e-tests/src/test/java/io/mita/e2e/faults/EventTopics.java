package io.mita.e2e.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The stack's Kafka broker seen with a plain client: writes records as any producer could (including ones no
 * MITA service would write) and reads the dead-letter topics.
 */
final class EventTopics {

    static final String BOOTSTRAP = System.getenv().getOrDefault("MITA_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    static final String DEAD_LETTER_SUFFIX = ".dlt";
    static final String EXCEPTION_MESSAGE_HEADER = "kafka_dlt-exception-message";
    static final String ORIGINAL_GROUP_HEADER = "kafka_dlt-original-consumer-group";

    /** Every event topic of the contract (infra/kafka/topics.txt). */
    static final List<String> EVENT_TOPICS = List.of(
            "mita.auth.v1",
            "mita.budget.v1",
            "mita.ocr.v1",
            "mita.insights.v1",
            "mita.notification.v1",
            "mita.gateway.v1");

    /** A record as read back from a topic. */
    record Message(String topic, int partition, long offset, String key, Map<String, String> headers, String value) {}

    /** How many records the dead-letter twins of these topics hold in all (end offsets; nothing is deleted here). */
    static long deadLetters(List<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic + DEAD_LETTER_SUFFIX, Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /**
     * Records of the topic beyond one per event id ({@code ce_id}) among these subjects' records: the events the
     * relay published more than once (at-least-once delivery) that the idempotent audit store absorbed.
     */
    static long duplicatesPublished(String topic, UUID... subjects) {
        Set<String> keys =
                java.util.Arrays.stream(subjects).map(UUID::toString).collect(java.util.stream.Collectors.toSet());
        List<Message> records = read(topic, keys);
        long distinct =
                records.stream().map(m -> m.headers().get("ce_id")).distinct().count();
        return records.size() - distinct;
    }

    /** Writes one record and waits for the broker's acknowledgement. */
    static RecordMetadata send(String topic, Integer partition, String key, Map<String, String> headers, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            var record = new ProducerRecord<>(topic, partition, key.getBytes(StandardCharsets.UTF_8), value);
            headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }

    /** Every record of the topic whose key is one of these, read from the beginning. */
    static List<Message> read(String topic, Set<String> keys) {
        List<Message> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                    if (key != null && keys.contains(key)) {
                        found.add(new Message(
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                key,
                                headersOf(record),
                                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return found;
    }

    private static Map<String, String> headersOf(ConsumerRecord<byte[], byte[]> record) {
        var headers = new java.util.LinkedHashMap<String, String>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-suite-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(properties);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(properties);
    }

    private EventTopics() {}
}

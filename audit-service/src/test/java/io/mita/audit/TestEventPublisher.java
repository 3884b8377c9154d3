package io.mita.audit;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.mita.testsupport.KafkaTestBroker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes CloudEvents the way a MITA service does (binary mode, key = subject) to the test broker. */
public final class TestEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, CloudEvent> producer;

    private TestEventPublisher(KafkaProducer<String, CloudEvent> producer) {
        this.producer = producer;
    }

    /** Makes sure the topics and their {@code .dlt} twins exist, each with one partition (one order per test). */
    public static TestEventPublisher forTopics(String... topics) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()))) {
            for (String topic : topics) {
                for (String name : List.of(topic, topic + ".dlt")) {
                    try {
                        admin.createTopics(Set.of(new NewTopic(name, 1, (short) 1)))
                                .all()
                                .get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
        }
        return new TestEventPublisher(new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                CloudEventSerializer.class)));
    }

    /** Sends in order and waits until the broker has every event. */
    public void publish(String topic, CloudEvent... events) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (CloudEvent event : events) {
            sent.add(producer.send(new ProducerRecord<>(topic, event.getSubject(), event)));
        }
        for (Future<RecordMetadata> future : sent) {
            future.get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

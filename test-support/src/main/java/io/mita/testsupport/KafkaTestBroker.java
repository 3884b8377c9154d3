package io.mita.testsupport;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The one decision of where integration tests get Kafka: a Testcontainers broker when a Docker engine
 * answers, otherwise a real KRaft broker embedded in the test JVM. Started once per JVM and shared.
 */
public final class KafkaTestBroker {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    private static volatile String bootstrapServers;

    private KafkaTestBroker() {}

    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            synchronized (KafkaTestBroker.class) {
                if (bootstrapServers == null) {
                    bootstrapServers = dockerAvailable() ? startContainer() : startEmbedded();
                }
            }
        }
        return bootstrapServers;
    }

    /** A consumer of CloudEvents reading from the beginning, in a group of its own. */
    public static KafkaConsumer<String, CloudEvent> consumer(String groupPrefix) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-" + System.nanoTime());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer());
    }

    static boolean dockerAvailable() {
        boolean socket = new File("/var/run/docker.sock").exists() || System.getenv("DOCKER_HOST") != null;
        if (!socket) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException noEngine) {
            return false;
        }
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-test-container-stop"));
        return container.getBootstrapServers();
    }

    private static String startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "3"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-test-broker-stop"));
        return broker.getBrokersAsString();
    }

    /** How long tests wait for an event to arrive. */
    public static Duration patience() {
        return Duration.ofSeconds(30);
    }
}

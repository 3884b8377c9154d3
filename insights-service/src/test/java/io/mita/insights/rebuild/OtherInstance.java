package io.mita.insights.rebuild;

import io.mita.testsupport.KafkaTestBroker;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Another insights-service instance as the broker sees it: a plain KafkaConsumer joined to the live consumer group,
 * polling on its own thread until closed. It commits nothing, so the group's offsets stay as they are.
 */
final class OtherInstance implements AutoCloseable {

    final String clientId = "other-insights-instance-" + System.nanoTime();
    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean joined = new AtomicBoolean();
    private final Thread poller;

    OtherInstance(String group, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        poller = new Thread(() -> poll(topic), clientId);
        poller.setDaemon(true);
        poller.start();
    }

    /** Whether it has taken part in a rebalance of the group, so the broker lists it as a member. */
    boolean joined() {
        return joined.get();
    }

    private void poll(String topic) {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    joined.set(true); // called after every rebalance, with or without partitions for it
                }
            });
            while (true) {
                consumer.poll(Duration.ofMillis(200));
            }
        } catch (WakeupException closing) {
            // close() asked
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    /** Leaves the group. */
    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        poller.join(Duration.ofSeconds(30).toMillis());
    }
}

package io.mita.gateway.erasure;

import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads every partition of auth-service's topic in this gateway instance, without a consumer group: the partitions
 * are assigned by hand, each starts at its first record of the last {@code window} (by timestamp), and no offset is
 * ever committed, so a restart leaves nothing behind on the broker and every instance sees every record. Every
 * {@code partitionRefresh} the topic's partitions are looked up again: a topic that did not exist at start, or a
 * partition added later, is read from the same point in time once it appears. A broker that cannot be reached is
 * logged and tried again at the next refresh; the reader never ends on an error, only on {@link #stop()}.
 *
 * <p>One thread of its own ({@code gateway-erasures}) owns the Kafka consumer; each record goes to {@code onRecord}
 * on that thread.
 */
class ErasureTopicReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ErasureTopicReader.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, CloudEvent>> consumers;
    private final String topic;
    private final Duration window;
    private final Duration partitionRefresh;
    private final Consumer<ConsumerRecord<String, CloudEvent>> onRecord;
    private final Clock clock;
    private volatile org.apache.kafka.clients.consumer.Consumer<String, CloudEvent> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    ErasureTopicReader(
            Supplier<org.apache.kafka.clients.consumer.Consumer<String, CloudEvent>> consumers,
            String topic,
            Duration window,
            Duration partitionRefresh,
            Consumer<ConsumerRecord<String, CloudEvent>> onRecord,
            Clock clock) {
        this.consumers = consumers;
        this.topic = topic;
        this.window = window;
        this.partitionRefresh = partitionRefresh;
        this.onRecord = onRecord;
        this.clock = clock;
    }

    /**
     * The consumer settings of a reader from the service's own ({@code spring.kafka.consumer.*}): no group (nothing
     * to join, nothing committed), never creating the topic (auth-service owns it), and metadata no older than one
     * partition refresh, so a partition added later is seen at the next refresh.
     */
    static Map<String, Object> withoutGroup(Map<String, Object> serviceConsumer, Duration partitionRefresh) {
        Map<String, Object> config = new HashMap<>(serviceConsumer);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) partitionRefresh.toMillis());
        return config;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        consumer = consumers.get();
        running = true;
        thread = new Thread(this::readUntilStopped, "gateway-erasures");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void readUntilStopped() {
        Instant nextLookup = Instant.MIN;
        try (org.apache.kafka.clients.consumer.Consumer<String, CloudEvent> closedAtTheEnd = consumer) {
            while (running) {
                try {
                    if (!clock.instant().isBefore(nextLookup)) {
                        assignNewPartitions();
                        nextLookup = clock.instant().plus(partitionRefresh);
                    }
                    if (consumer.assignment().isEmpty()) {
                        Thread.sleep(POLL.toMillis());
                    } else {
                        consumer.poll(POLL).forEach(onRecord);
                    }
                } catch (WakeupException stopping) {
                    // stop() woke the consumer: the loop ends on running == false
                } catch (KafkaException e) {
                    log.warn("reading {} for erased accounts failed, tried again: {}", topic, e.toString());
                    nextLookup = clock.instant().plus(partitionRefresh);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds the topic's partitions not read yet, each from its first record of the last window. */
    private void assignNewPartitions() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, LOOKUP_TIMEOUT);
        Set<TopicPartition> assigned = new HashSet<>(consumer.assignment());
        Set<TopicPartition> added = new HashSet<>();
        for (PartitionInfo partition : partitions == null ? List.<PartitionInfo>of() : partitions) {
            TopicPartition tp = new TopicPartition(partition.topic(), partition.partition());
            if (assigned.add(tp)) {
                added.add(tp);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        // the end offsets before the look-up by time: a partition without a record of the window starts at its end
        // as it was then, so a record published between the two calls is still read
        Map<TopicPartition, Long> ends = consumer.endOffsets(added, LOOKUP_TIMEOUT);
        long since = clock.instant().minus(window).toEpochMilli();
        Map<TopicPartition, Long> byTime = new HashMap<>();
        added.forEach(tp -> byTime.put(tp, since));
        Map<TopicPartition, OffsetAndTimestamp> firsts = consumer.offsetsForTimes(byTime, LOOKUP_TIMEOUT);
        consumer.assign(assigned);
        for (TopicPartition tp : added) {
            OffsetAndTimestamp first = firsts.get(tp);
            consumer.seek(tp, first != null ? first.offset() : ends.get(tp));
        }
        log.info("reading erased accounts from {} (since {})", added, Instant.ofEpochMilli(since));
    }
}

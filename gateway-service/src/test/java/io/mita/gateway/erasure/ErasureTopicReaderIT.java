package io.mita.gateway.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.LogLines;
import io.mita.testsupport.TestEventProducer;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's reader of {@code user.erased} against the test Kafka broker, without the rest of the gateway: it
 * knows the erasures published before it started, copes with a topic or partitions that appear after it started and
 * with a broker it cannot reach, and joins no consumer group (so a restart leaves none behind).
 */
class ErasureTopicReaderIT {

    private static final Duration WINDOW = Duration.ofMinutes(20);
    private static final Duration PARTITION_REFRESH = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The service's own group, which the reader must not join. */
    private static final String SERVICE_GROUP = "gateway-service-erasure-it-" + UUID.randomUUID();

    private static final TestEventProducer EVENTS = new TestEventProducer();
    private static Admin admin;

    private final ErasedAccounts erased = new ErasedAccounts(WINDOW, 1000);
    private final List<ErasureTopicReader> readers = new ArrayList<>();

    @BeforeAll
    static void connectAdmin() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()));
    }

    @AfterAll
    static void closeClients() {
        EVENTS.close();
        admin.close();
    }

    @AfterEach
    void stopReaders() {
        readers.forEach(ErasureTopicReader::stop);
    }

    @Test
    void anErasurePublishedBeforeTheReaderStartedIsKnownOnceItRuns() throws Exception {
        String topic = createdTopic(3);
        UUID before = anErasureIn(topic);

        startedReader(topic);

        awaitKnown(erased, before);
    }

    @Test
    void aTopicAbsentAtStartIsNeitherCreatedByTheReaderNorFatalAndIsReadOnceItExists() throws Exception {
        String topic = aTopicName();
        ErasureTopicReader reader = startedReader(topic);

        await().during(Duration.ofSeconds(3))
                .atMost(PATIENCE)
                .until(() -> !admin.listTopics().names().get().contains(topic));
        assertThat(reader.isRunning()).isTrue();

        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        UUID after = anErasureIn(topic);

        awaitKnown(erased, after);
    }

    @Test
    void aPartitionAddedAfterStartIsRead() throws Exception {
        String topic = createdTopic(1);
        startedReader(topic);
        UUID first = anErasureIn(topic);
        awaitKnown(erased, first);

        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all().get();
        UUID inTheNewPartition = UUID.randomUUID();
        EVENTS.publishTo(topic, 2, erasure(inTheNewPartition));

        awaitKnown(erased, inTheNewPartition);
    }

    @Test
    void theReaderJoinsNoConsumerGroupSoARestartLeavesNoneBehind() throws Exception {
        String topic = createdTopic(3);
        UUID beforeRestart = anErasureIn(topic);
        ErasureTopicReader first = startedReader(topic);
        awaitKnown(erased, beforeRestart);
        first.stop();
        assertThat(first.isRunning()).isFalse();

        ErasedAccounts afterRestart = new ErasedAccounts(WINDOW, 1000);
        startedReader(topic, afterRestart);
        awaitKnown(afterRestart, beforeRestart);

        Set<String> groups = admin.listGroups().all().get().stream()
                .map(GroupListing::groupId)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(groups).doesNotContain(SERVICE_GROUP);
    }

    @Test
    void aBrokerThatCannotBeReachedIsLoggedAndTriedAgainWithoutEndingTheReader() throws Exception {
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        }
        Map<String, Object> unreachable = new HashMap<>(serviceConsumer());
        unreachable.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + nobodyListens);

        try (LogLines log = LogLines.of(ErasureTopicReader.class)) {
            ErasureTopicReader reader = startedReader(aTopicName(), erased, unreachable);

            await().atMost(PATIENCE)
                    .until(() -> log.lines().stream()
                                    .filter(line -> line.getFormattedMessage().contains("tried again"))
                                    .count()
                            >= 2);
            assertThat(reader.isRunning()).isTrue();
            reader.stop();
            assertThat(reader.isRunning()).isFalse();
        }
    }

    private ErasureTopicReader startedReader(String topic) {
        return startedReader(topic, erased);
    }

    private ErasureTopicReader startedReader(String topic, ErasedAccounts into) {
        return startedReader(topic, into, serviceConsumer());
    }

    private ErasureTopicReader startedReader(String topic, ErasedAccounts into, Map<String, Object> serviceConsumer) {
        Clock clock = Clock.systemUTC();
        UserErasedListener listener =
                new UserErasedListener(into, JsonMapper.builder().build(), clock);
        Map<String, Object> config = ErasureTopicReader.withoutGroup(serviceConsumer, PARTITION_REFRESH);
        ErasureTopicReader reader = new ErasureTopicReader(
                () -> new KafkaConsumer<String, CloudEvent>(config),
                topic,
                WINDOW,
                PARTITION_REFRESH,
                listener::on,
                clock);
        readers.add(reader);
        reader.start();
        return reader;
    }

    /** What the gateway's {@code spring.kafka.consumer.*} gives: a group of the service's name among the rest. */
    private static Map<String, Object> serviceConsumer() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                SERVICE_GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                CloudEventDeserializer.class);
    }

    private static void awaitKnown(ErasedAccounts accounts, UUID userId) {
        await().atMost(PATIENCE).until(() -> accounts.contains(userId.toString()));
    }

    private static String aTopicName() {
        return "mita.auth.erasure-it." + UUID.randomUUID();
    }

    private static String createdTopic(int partitions) throws Exception {
        String topic = aTopicName();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                .all()
                .get();
        return topic;
    }

    /** Publishes the erasure of a new user id and answers the id. */
    private static UUID anErasureIn(String topic) {
        UUID userId = UUID.randomUUID();
        EVENTS.publish(topic, erasure(userId));
        return userId;
    }

    private static CloudEvent erasure(UUID userId) {
        return TestEventProducer.event(
                UUID.randomUUID(), "/mita/auth", UserErased.TYPE, userId.toString(), """
                {"userId":"%s","erasedAt":"%s","erasedBy":"SELF"}""".formatted(
                                userId, Instant.now()));
    }
}

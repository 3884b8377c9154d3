package io.mita.audit.ingest;

import static io.mita.audit.AuditEventFixtures.aSubject;
import static io.mita.audit.AuditEventFixtures.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.audit.AuditApi;
import io.mita.audit.TestEventPublisher;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PostgresTestDatabase;
import io.mita.testsupport.TestTokens;
import io.mita.testsupport.TopicRecords;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit consumer under faults, against the real broker and PostgreSQL: the service reaches its database
 * through a TCP proxy (NetCrusher) the test closes or freezes, with a retry window of two seconds so that an
 * outage lasts several windows.
 */
@MitaIntegrationTest
class AuditIngestFaultIT {

    static final String OUTAGE_TOPIC = "mita.outage-test.v1";
    static final String POISON_TOPIC = "mita.poison-test.v1";
    static final String REFUSAL_TOPIC = "mita.refusal-test.v1";
    static final String ROLLBACK_TOPIC = "mita.rollback-test.v1";
    static final Duration RETRY_WINDOW = Duration.ofSeconds(2);

    private static NioReactor reactor;
    private static TcpCrusher databaseProxy;
    private static TestEventPublisher publisher;
    private static String consumerGroup;

    @Value("${mita.service.database}")
    String database;

    @Autowired
    MeterRegistry meters;

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) throws IOException {
        reactor = new NioReactor();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        databaseProxy = TcpCrusherBuilder.builder()
                .withReactor(reactor)
                .withBindAddress("127.0.0.1", port)
                .withConnectAddress(PostgresTestDatabase.host(), Integer.parseInt(PostgresTestDatabase.port()))
                .buildAndOpen();
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + port + "/${mita.service.database}");
        registry.add("mita.kafka.consumer.retry-window", () -> RETRY_WINDOW.toMillis() + "ms");
        registry.add("mita.kafka.consumer.initial-back-off", () -> "100ms");
        registry.add("mita.kafka.consumer.max-back-off", () -> "1s");
        // a group of its own: other test contexts of this JVM consume the same topics into their own databases
        consumerGroup = "audit-fault-it-" + UUID.randomUUID();
        registry.add("mita.audit.consumer-group", () -> consumerGroup);
    }

    @BeforeAll
    static void topics() throws Exception {
        publisher = TestEventPublisher.forTopics(OUTAGE_TOPIC, POISON_TOPIC, REFUSAL_TOPIC, ROLLBACK_TOPIC);
    }

    @AfterAll
    static void closeProxy() {
        publisher.close();
        databaseProxy.close();
        reactor.close();
    }

    @Test
    void anAuditDatabaseOutageLongerThanTheRetryWindowDeadLettersNothingAndEveryEventIsStoredAfterIt()
            throws Exception {
        String subject = aSubject();
        List<CloudEvent> before = events(subject, 10);
        publisher.publish(OUTAGE_TOPIC, before.toArray(CloudEvent[]::new));
        await().atMost(KafkaTestBroker.patience()).until(() -> storedFor(subject) == 10);

        // connections refused: the pool cannot reach PostgreSQL at all
        databaseProxy.close();
        publisher.publish(OUTAGE_TOPIC, events(subject, 15).toArray(CloudEvent[]::new));
        Thread.sleep(RETRY_WINDOW.multipliedBy(4).toMillis());
        assertThat(storedFor(subject))
                .as("stored while the database is unreachable")
                .isEqualTo(10);
        databaseProxy.open();
        await().atMost(KafkaTestBroker.patience()).until(() -> storedFor(subject) == 25);

        // a hung network: statements get no answer until the store times out
        databaseProxy.freeze();
        publisher.publish(OUTAGE_TOPIC, events(subject, 15).toArray(CloudEvent[]::new));
        Thread.sleep(RETRY_WINDOW.multipliedBy(6).toMillis());
        assertThat(storedFor(subject)).as("stored while the database hangs").isEqualTo(25);
        databaseProxy.unfreeze();
        await().atMost(KafkaTestBroker.patience()).until(() -> storedFor(subject) == 40);

        List<ConsumerRecord<String, byte[]>> deadLetters = TopicRecords.readAll(OUTAGE_TOPIC + ".dlt");
        double retried = retries(OUTAGE_TOPIC, "infrastructure");
        System.out.printf(
                "audit database outage: produced=40 stored=%d dead-lettered=%d infrastructure-retries=%.0f%n",
                storedFor(subject), deadLetters.size(), retried);
        assertThat(deadLetters).isEmpty();
        assertThat(storedFor(subject)).isEqualTo(40);
        assertThat(retried).as("the outage was retried, not waited out").isPositive();
        assertThat(counter("mita.kafka.dead.letters", OUTAGE_TOPIC)).isZero();
    }

    @Test
    void recordsThatAreNotACloudEventOrCarryAnInvalidPayloadAreDeadLetteredAtOnceAndLaterOffsetsFlow()
            throws Exception {
        String subject = aSubject();
        String notACloudEvent = "not-a-cloud-event-" + UUID.randomUUID();
        CloudEvent invalidPayload = anEvent(subject)
                .withData("application/json", "{not json".getBytes(StandardCharsets.UTF_8))
                .build();
        CloudEvent valid = anEvent(subject).build();
        try (var raw = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(POISON_TOPIC, subject, notACloudEvent.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        publisher.publish(POISON_TOPIC, invalidPayload, valid);

        await().atMost(KafkaTestBroker.patience()).until(() -> storedFor(subject) == 1);
        Predicate<ConsumerRecord<String, byte[]>> notACloudEventDeadLetter =
                record -> notACloudEvent.equals(new String(record.value(), StandardCharsets.UTF_8));
        Predicate<ConsumerRecord<String, byte[]>> invalidPayloadDeadLetter =
                record -> invalidPayload.getId().equals(header(record, "ce_id"));
        List<ConsumerRecord<String, byte[]>> deadLetters =
                awaitDeadLetters(POISON_TOPIC, notACloudEventDeadLetter, invalidPayloadDeadLetter);
        System.out.printf(
                "poison records: produced=3 stored=%d dead-lettered=%d retries=%.0f%n",
                storedFor(subject), deadLetters.size(), retries(POISON_TOPIC, "other"));

        assertThat(deadLetters.stream().filter(notACloudEventDeadLetter))
                .isNotEmpty()
                .allSatisfy(dead ->
                        assertThat(header(dead, "kafka_dlt-exception-message")).contains("failed to deserialize"));
        assertThat(deadLetters.stream().filter(invalidPayloadDeadLetter))
                .isNotEmpty()
                .allSatisfy(dead ->
                        assertThat(header(dead, "kafka_dlt-exception-message")).contains("data is not JSON"));
        assertThat(TopicRecords.readAll(POISON_TOPIC + ".dlt"))
                .noneMatch(record -> valid.getId().equals(header(record, "ce_id")));
        assertThat(rowsWithId(valid.getId())).isEqualTo(1);
        // at once: neither poison record was retried before it went to the dead-letter topic
        assertThat(retries(POISON_TOPIC, "other") + retries(POISON_TOPIC, "infrastructure"))
                .isZero();
    }

    @Test
    void aRowTheAuditStoreRefusesIsDeadLetteredAndTheRestOfItsBatchIsStored() throws Exception {
        String subject = aSubject();
        String refusedSubject = "refused-" + UUID.randomUUID();
        execute("CREATE FUNCTION it_refuse_subject() RETURNS trigger AS $$ BEGIN"
                + " IF NEW.subject = '" + refusedSubject + "' THEN"
                + " RAISE EXCEPTION 'refused for the test' USING ERRCODE = 'check_violation'; END IF;"
                + " RETURN NEW; END $$ LANGUAGE plpgsql");
        execute(
                "CREATE TRIGGER it_refuse BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION it_refuse_subject()");
        try {
            List<CloudEvent> batch = new ArrayList<>(events(subject, 5));
            CloudEvent refused = anEvent(refusedSubject).build();
            batch.add(2, refused);
            publisher.publish(REFUSAL_TOPIC, batch.toArray(CloudEvent[]::new));

            await().atMost(KafkaTestBroker.patience()).until(() -> storedFor(subject) == 5);
            Predicate<ConsumerRecord<String, byte[]>> refusedDeadLetter =
                    record -> refused.getId().equals(header(record, "ce_id"));
            List<ConsumerRecord<String, byte[]>> deadLetters = awaitDeadLetters(REFUSAL_TOPIC, refusedDeadLetter);
            System.out.printf(
                    "row refused by the audit store: produced=6 stored=%d dead-lettered=%d%n",
                    storedFor(subject), deadLetters.size());
            assertThat(deadLetters)
                    .allSatisfy(dead -> assertThat(header(dead, "kafka_dlt-exception-message"))
                            .contains("refused by the audit store"));
            // the good rows of the batch were stored, not dead-lettered
            List<String> good = batch.stream()
                    .filter(event -> event != refused)
                    .map(CloudEvent::getId)
                    .toList();
            assertThat(TopicRecords.readAll(REFUSAL_TOPIC + ".dlt"))
                    .noneMatch(record -> good.contains(header(record, "ce_id")));
            assertThat(rowsWithId(refused.getId())).isZero();
        } finally {
            execute("DROP TRIGGER IF EXISTS it_refuse ON audit_event");
            execute("DROP FUNCTION IF EXISTS it_refuse_subject()");
        }
    }

    /**
     * The batch is read and masked, then its chain transaction fails (here: at the insert, as a serialisation failure,
     * the kind of failure that is retried): nothing of the batch is stored or chained, no subject key is left behind and
     * its offsets stay uncommitted, so it is delivered again and stored once, chained once, when the database takes it.
     * Were the offsets committed before the transaction committed (the listener returning before it), the batch would
     * be lost: never redelivered, the committed offset past events that are not stored.
     */
    @Test
    void aBatchWhoseTransactionFailsAfterItWasMaskedKeepsItsOffsetsAndIsStoredOnceWhenDeliveredAgain()
            throws Exception {
        String subject = aSubject();
        execute("CREATE FUNCTION it_fail_subject() RETURNS trigger AS $$ BEGIN"
                + " IF NEW.subject = '" + subject + "' THEN"
                + " RAISE EXCEPTION 'failing for the test' USING ERRCODE = 'serialization_failure'; END IF;"
                + " RETURN NEW; END $$ LANGUAGE plpgsql");
        execute("CREATE TRIGGER it_fail BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION it_fail_subject()");
        List<CloudEvent> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(anEvent(subject)
                    .withData(
                            "application/json",
                            ("{\"email\":\"someone" + i + "@example.com\",\"password\":\"secret\"}")
                                    .getBytes(StandardCharsets.UTF_8))
                    .build());
        }
        try {
            publisher.publish(ROLLBACK_TOPIC, batch.toArray(CloudEvent[]::new));
            // delivered, read, masked, and its transaction failed at the insert: twice, to be sure it is redelivered
            await().atMost(KafkaTestBroker.patience()).until(() -> retries(ROLLBACK_TOPIC, "infrastructure") >= 2);

            assertThat(storedFor(subject)).as("stored of the failed batch").isZero();
            assertThat(count("SELECT count(*) FROM subject_key WHERE subject = ?", subject))
                    .as("keys created by the failed transaction")
                    .isZero();
            assertThat(committedOffset(ROLLBACK_TOPIC))
                    .as("committed offset while the batch is not stored")
                    .isZero();
        } finally {
            execute("DROP TRIGGER IF EXISTS it_fail ON audit_event");
            execute("DROP FUNCTION IF EXISTS it_fail_subject()");
        }

        await().atMost(KafkaTestBroker.patience()).until(() -> storedFor(subject) == 5);
        await().atMost(KafkaTestBroker.patience()).until(() -> committedOffset(ROLLBACK_TOPIC) == 5);
        System.out.printf(
                "transaction failed after masking: produced=5 stored=%d infrastructure-retries=%.0f committed=%d%n",
                storedFor(subject), retries(ROLLBACK_TOPIC, "infrastructure"), committedOffset(ROLLBACK_TOPIC));
        for (CloudEvent event : batch) {
            assertThat(rowsWithId(event.getId())).as("rows of " + event.getId()).isEqualTo(1);
        }
        assertThat(count(
                        "SELECT count(*) FROM audit_chain c JOIN audit_event e ON e.seq = c.seq"
                                + " WHERE c.event_id = e.event_id AND e.subject = ?",
                        subject))
                .as("chain rows of the batch")
                .isEqualTo(5);
        new AuditApi(web, TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE")).expectIntactLog();
    }

    /** The offset this test's consumer group committed on the topic's one partition (0 when none). */
    private static long committedOffset(String topic) throws Exception {
        try (AdminClient admin =
                AdminClient.create(Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(consumerGroup)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .get(new TopicPartition(topic, 0));
            return committed == null ? 0 : committed.offset();
        }
    }

    /**
     * The dead letters of this test's records, once each of {@code wanted} matched one. Other test contexts of this
     * JVM may consume the same topics in groups of their own and dead-letter the same poison a second time.
     */
    @SafeVarargs
    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(
            String topic, Predicate<ConsumerRecord<String, byte[]>>... wanted) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(KafkaTestBroker.patience()).until(() -> {
            found.clear();
            List<ConsumerRecord<String, byte[]>> all = TopicRecords.readAll(topic + ".dlt");
            for (Predicate<ConsumerRecord<String, byte[]>> each : wanted) {
                all.stream().filter(each).forEach(found::add);
            }
            return Arrays.stream(wanted).allMatch(each -> found.stream().anyMatch(each));
        });
        return found;
    }

    private static List<CloudEvent> events(String subject, int count) {
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(anEvent(subject).build());
        }
        return events;
    }

    /** Counted directly in PostgreSQL, not through the proxy the service uses. */
    private long storedFor(String subject) throws SQLException {
        return count("SELECT count(*) FROM audit_event WHERE subject = ?", subject);
    }

    private long rowsWithId(String eventId) throws SQLException {
        return count("SELECT count(*) FROM audit_event WHERE event_id = ?::uuid", eventId);
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                PostgresTestDatabase.jdbcUrl(database), PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }

    private double retries(String topic, String kind) {
        Counter counter = meters.find("mita.kafka.consumer.retries")
                .tag("topic", topic)
                .tag("kind", kind)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double counter(String name, String topic) {
        Counter counter = meters.find(name).tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

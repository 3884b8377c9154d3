package io.mita.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PostgresTestDatabase;
import io.mita.testsupport.TopicRecords;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A record listener whose own database becomes unreachable for longer than the retry window in effect (2 s):
 * the shared error handler retries until the database is back and dead-letters nothing. The listener reaches
 * PostgreSQL through a NetCrusher TCP proxy the test closes.
 */
@MitaIntegrationTest
class ConsumerRetryIT {

    static final String TOPIC = InboxRecordingListener.TOPIC;
    static final Duration RETRY_WINDOW = Duration.ofSeconds(2);

    private static NioReactor reactor;
    private static TcpCrusher databaseProxy;

    @Value("${mita.service.database}")
    String database;

    @Autowired
    MeterRegistry meters;

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
        registry.add("mita.test.inbox-listener", () -> "retry-it-" + UUID.randomUUID());
    }

    @AfterAll
    static void closeProxy() {
        databaseProxy.close();
        reactor.close();
    }

    @Test
    void aRecordListenerWhoseDatabaseIsDownLongerThanTheRetryWindowDeadLettersNothingAndCatchesUp() throws Exception {
        List<String> ids = new ArrayList<>();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()),
                new StringSerializer(),
                new CloudEventSerializer())) {
            send(producer, ids, 5);
            await().atMost(KafkaTestBroker.patience()).until(() -> processed(ids) == 5);

            databaseProxy.close();
            send(producer, ids, 10);
            Thread.sleep(RETRY_WINDOW.multipliedBy(4).toMillis());
            assertThat(processed(ids))
                    .as("processed while the database is unreachable")
                    .isEqualTo(5);
            databaseProxy.open();
        }
        await().atMost(KafkaTestBroker.patience()).until(() -> processed(ids) == 15);

        long deadLetters = TopicRecords.readAll(TOPIC + MitaKafkaAutoConfiguration.DEAD_LETTER_SUFFIX)
                .size();
        Counter retries = meters.find("mita.kafka.consumer.retries")
                .tag("topic", TOPIC)
                .tag("kind", "infrastructure")
                .counter();
        System.out.printf(
                "record listener, database outage: produced=15 processed=%d dead-lettered=%d infrastructure-retries=%.0f%n",
                processed(ids), deadLetters, retries == null ? 0 : retries.count());
        assertThat(deadLetters).isZero();
        assertThat(retries).isNotNull();
        assertThat(retries.count()).isPositive();
    }

    private static void send(KafkaProducer<String, CloudEvent> producer, List<String> ids, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withSource(URI.create("/mita/test"))
                    .withType("mita.commontest.thing.created.v1")
                    .withSubject("retry-subject")
                    .withDataContentType("application/json")
                    .withData("{\"n\":1}".getBytes(StandardCharsets.UTF_8))
                    .build();
            producer.send(new ProducerRecord<>(TOPIC, event.getSubject(), event))
                    .get();
            ids.add(event.getId());
        }
    }

    /** Counted directly in PostgreSQL, not through the proxy the listener uses. */
    private long processed(List<String> ids) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        PostgresTestDatabase.jdbcUrl(database),
                        PostgresTestDatabase.user(),
                        PostgresTestDatabase.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT event_id::text FROM processed_event WHERE consumer = 'retry-it'")) {
            long count = 0;
            while (rows.next()) {
                count += ids.contains(rows.getString(1)) ? 1 : 0;
            }
            return count;
        }
    }
}

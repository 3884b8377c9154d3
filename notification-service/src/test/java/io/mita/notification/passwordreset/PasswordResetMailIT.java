package io.mita.notification.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.mita.notification.TestSmtpServer;
import io.mita.notification.inbound.PasswordResetRequested;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole way from a real CloudEvent on mita.auth.v1 to a real SMTP server (GreenMail, see
 * {@link TestSmtpServer}), with the real database and broker. Every test uses its own recipient, token and user.
 */
@MitaIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PasswordResetMailIT {

    static final String TOPIC = PasswordResetMailListener.TOPIC;
    static final String DEAD_LETTERS = TOPIC + ".dlt";
    static final String LINK_BASE = "http://localhost:3000/reset-password";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static KafkaProducer<String, CloudEvent> producer;

    @Autowired
    DatabaseClient database;

    @Autowired
    WebTestClient web;

    /** Health details (the mail component) answer on the management port only. */
    @LocalManagementPort
    int managementPort;

    @Value("${mita.notification.delivery-key}")
    String deliveryKey;

    @BeforeAll
    static void connectProducer() {
        producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()),
                new StringSerializer(),
                new CloudEventSerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void aResetRequestIsMailedWithTheLinkAndNeitherAddressNorTokenIsStoredOrLogged(CapturedOutput output)
            throws Exception {
        Request request = new Request("Ann Example");

        publish(request.event());

        MimeMessage mail = awaitOneMailTo(request.email);
        assertThat(mail.getSubject()).isEqualTo("Reset your MITA password");
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("no-reply@mita.local"));
        String link = LINK_BASE + "?token=" + request.token;
        List<String> bodies = textParts(mail);
        assertThat(bodies)
                .hasSize(2)
                .allSatisfy(body -> assertThat(body).contains(link).contains("Ann Example"));
        Map<String, Object> row = awaitDelivery(request.eventId, "SENT");
        assertThat(row)
                .containsEntry("user_id", request.userId)
                .containsEntry("kind", "PASSWORD_RESET")
                .containsEntry("attempts", 1);
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(processed(request.eventId)).isTrue();
        assertThat(output.getAll())
                .as("the service's log lines are captured")
                .contains("password reset mail sent eventId=" + request.eventId);
        assertSecretsAppearNowhere(request, output);
    }

    @Test
    void theSameEventPublishedTwiceSendsOneMail(CapturedOutput output) {
        Request request = new Request("Bob");
        Request later = new Request(request.userId, "Bob");

        publish(request.event());
        publish(request.event());
        publish(later.event());

        awaitOneMailTo(later.email);
        assertThat(TestSmtpServer.messagesTo(request.email)).hasSize(1);
        assertThat(awaitDelivery(request.eventId, "SENT")).containsEntry("attempts", 1);
        assertSecretsAppearNowhere(request, output);
    }

    @Test
    void aTamperedDeliveryIsDeadLetteredAndNothingIsSent(CapturedOutput output) {
        Request request = new Request("Carol");
        String tampered = DeliverySealer.tamper(request.delivery(deliveryKey), false);

        publish(request.event(tampered, request.expiresAt));

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(request.eventId);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("cannot be opened");
        assertThat(TestSmtpServer.messagesTo(request.email)).isEmpty();
        Map<String, Object> row = awaitDelivery(request.eventId, "FAILED");
        assertThat(row).containsEntry("attempts", 0);
        assertThat((String) row.get("last_error")).contains("does not authenticate");
        assertThat(processed(request.eventId)).isFalse();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8))
                .doesNotContain(request.email)
                .doesNotContain(request.token);
        assertThat(output.getAll()).contains("password reset mail not sent eventId=" + request.eventId);
        assertSecretsAppearNowhere(request, output);
    }

    @Test
    void aMailIsSentAfterTheSmtpServerComesBackAndReadinessStaysUpMeanwhile(CapturedOutput output) {
        Request request = new Request("Dave");
        TestSmtpServer.stop();
        try {
            publish(request.event());

            Map<String, Object> failed = awaitDelivery(request.eventId, "FAILED");
            assertThat((String) failed.get("last_error")).contains("SMTP server did not accept");
            web.get()
                    .uri("/readyz")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
            WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + managementPort)
                    .build()
                    .get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.components.mail.status")
                    .isEqualTo("DOWN");
        } finally {
            TestSmtpServer.start();
        }

        awaitOneMailTo(request.email);
        Map<String, Object> sent = awaitDelivery(request.eventId, "SENT");
        assertThat((Integer) sent.get("attempts")).isGreaterThanOrEqualTo(2);
        assertThat(processed(request.eventId)).isTrue();
        assertSecretsAppearNowhere(request, output);
    }

    @Test
    void otherEventTypesOnTheAuthTopicArePassedOverQuietly() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID otherId = UUID.randomUUID();
        byte[] data = JSON.writeValueAsBytes(Map.of(
                "userId",
                userId.toString(),
                "displayName",
                "Erin",
                "registeredAt",
                Instant.now().toString()));
        Request later = new Request(userId, "Erin");

        publish(CloudEventBuilder.v1()
                .withId(otherId.toString())
                .withSource(URI.create("/mita/auth"))
                .withType("mita.auth.user.registered.v1")
                .withSubject(userId.toString())
                .withDataContentType("application/json")
                .withData(data)
                .build());
        publish(later.event());

        awaitOneMailTo(later.email);
        assertThat(delivery(otherId)).isEmpty();
        assertThat(deadLetters()).noneMatch(record -> otherId.toString().equals(header(record, "ce_id")));
    }

    @Test
    void aRequestThatExpiredBeforeItWasProcessedIsRecordedButNotMailed() {
        Request request = new Request("Frank");
        Request later = new Request(request.userId, "Frank");

        publish(request.event(request.delivery(deliveryKey), Instant.now().minus(1, ChronoUnit.MINUTES)));
        publish(later.event());

        awaitOneMailTo(later.email);
        assertThat(TestSmtpServer.messagesTo(request.email)).isEmpty();
        Map<String, Object> row = awaitDelivery(request.eventId, "FAILED");
        assertThat((String) row.get("last_error")).startsWith("EXPIRED");
        assertThat(row).containsEntry("attempts", 0);
        assertThat(processed(request.eventId)).isTrue();
    }

    @Test
    void anAddressThatCanNeverBeMailedIsDeadLetteredAfterOneAttempt() {
        Request request = new Request("not an address", DeliverySealer.randomToken(), UUID.randomUUID(), "Gina");

        publish(request.event());

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(request.eventId);
        assertThat(header(dead, "kafka_dlt-exception-message"))
                .contains("undeliverable")
                .doesNotContain("not an address");
        assertThat(awaitDelivery(request.eventId, "FAILED")).containsEntry("attempts", 1);
        assertThat(processed(request.eventId)).isFalse();
    }

    @Test
    void aResetEventWithoutDeliveryIsDeadLettered() throws Exception {
        UUID userId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        byte[] data = JSON.writeValueAsBytes(Map.of(
                "userId",
                userId.toString(),
                "requestId",
                UUID.randomUUID().toString(),
                "expiresAt",
                Instant.now().plus(1, ChronoUnit.HOURS).toString()));

        publish(CloudEventBuilder.v1()
                .withId(eventId.toString())
                .withSource(URI.create("/mita/auth"))
                .withType(PasswordResetRequested.TYPE)
                .withSubject(userId.toString())
                .withDataContentType("application/json")
                .withData(data)
                .build());

        assertThat(header(awaitDeadLetter(eventId), "kafka_dlt-exception-message"))
                .contains("lacks delivery");
        assertThat(delivery(eventId)).isEmpty();
    }

    @Test
    void aResetEventWhoseIdIsNotAUuidIsDeadLettered() {
        Request request = new Request("Hank");
        String eventId = "not-a-uuid-" + UUID.randomUUID();

        publish(CloudEventBuilder.v1(request.event()).withId(eventId).build());

        ConsumerRecord<String, byte[]> dead = awaitDeadLetterWithId(eventId);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("event id is not a UUID");
        assertThat(TestSmtpServer.messagesTo(request.email)).isEmpty();
    }

    @Test
    void aResetRequestOfAnErasedUserConsumedAfterTheErasureSendsNoMailAndRecordsNothing() {
        Request erased = new Request("Ivy");
        // the erasure came first (its tombstone); the request was still on its way in this listener's group
        database.sql("INSERT INTO erased_user (user_id) VALUES (:userId)")
                .bind("userId", erased.userId)
                .then()
                .block(Duration.ofSeconds(10));
        Request later = new Request("Jon");

        publish(erased.event());
        publish(later.event());

        awaitOneMailTo(later.email);
        await().atMost(KafkaTestBroker.patience()).until(() -> processed(erased.eventId));
        assertThat(TestSmtpServer.messagesTo(erased.email)).isEmpty();
        assertThat(delivery(erased.eventId)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    /** One password-reset request: the event and the secrets it seals. */
    final class Request {

        final String email;
        final String token;
        final UUID userId;
        final String displayName;
        final UUID eventId = UUID.randomUUID();
        final UUID requestId = UUID.randomUUID();
        final Instant expiresAt = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        Request(String displayName) {
            this(UUID.randomUUID(), displayName);
        }

        Request(UUID userId, String displayName) {
            this("user-" + UUID.randomUUID() + "@example.com", DeliverySealer.randomToken(), userId, displayName);
        }

        Request(String email, String token, UUID userId, String displayName) {
            this.email = email;
            this.token = token;
            this.userId = userId;
            this.displayName = displayName;
        }

        String delivery(String key) {
            return DeliverySealer.seal(key, requestId, DeliverySealer.plaintext(email, token, displayName));
        }

        CloudEvent event() {
            return event(delivery(deliveryKey), expiresAt);
        }

        CloudEvent event(String delivery, Instant expires) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("userId", userId.toString());
            data.put("requestId", requestId.toString());
            data.put("expiresAt", expires.toString());
            data.put("delivery", delivery);
            return CloudEventBuilder.v1()
                    .withId(eventId.toString())
                    .withSource(URI.create("/mita/auth"))
                    .withType(PasswordResetRequested.TYPE)
                    .withSubject(userId.toString())
                    .withTime(OffsetDateTime.now())
                    .withDataContentType("application/json")
                    .withData(JSON.writeValueAsBytes(data))
                    .build();
        }
    }

    private static void publish(CloudEvent event) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, event.getSubject(), event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage awaitOneMailTo(String address) {
        await().atMost(KafkaTestBroker.patience())
                .until(() -> !TestSmtpServer.messagesTo(address).isEmpty());
        List<MimeMessage> received = TestSmtpServer.messagesTo(address);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    private Map<String, Object> awaitDelivery(UUID eventId, String status) {
        await().atMost(KafkaTestBroker.patience())
                .until(() -> delivery(eventId)
                        .map(row -> status.equals(row.get("status")))
                        .orElse(false));
        return delivery(eventId).orElseThrow();
    }

    private Optional<Map<String, Object>> delivery(UUID eventId) {
        return database.sql("SELECT * FROM email_delivery WHERE event_id = :eventId")
                .bind("eventId", eventId)
                .fetch()
                .one()
                .blockOptional(Duration.ofSeconds(10));
    }

    private boolean processed(UUID eventId) {
        return database.sql(
                                "SELECT count(*) AS n FROM processed_event WHERE consumer = 'password-reset-mail' AND event_id = :eventId")
                        .bind("eventId", eventId)
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block(Duration.ofSeconds(10))
                == 1L;
    }

    /** The address and the token are in no table of this service and in no log line written during the test. */
    private void assertSecretsAppearNowhere(Request request, CapturedOutput output) {
        List<String> tables = database.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                .map(row -> row.get("tablename", String.class))
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(tables).contains("email_delivery", "processed_event", "outbox_event");
        for (String table : tables) {
            Long leaks = database.sql("SELECT count(*) AS n FROM \"" + table
                            + "\" t WHERE row_to_json(t)::text LIKE :email OR row_to_json(t)::text LIKE :token")
                    .bind("email", "%" + request.email + "%")
                    .bind("token", "%" + request.token + "%")
                    .map(row -> row.get("n", Long.class))
                    .one()
                    .block(Duration.ofSeconds(10));
            assertThat(leaks)
                    .as("rows of %s holding the address or the token", table)
                    .isZero();
        }
        assertThat(output.getAll()).doesNotContain(request.email).doesNotContain(request.token);
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(UUID eventId) {
        return awaitDeadLetterWithId(eventId.toString());
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetterWithId(String eventId) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(KafkaTestBroker.patience()).until(() -> {
            deadLetters().stream()
                    .filter(record -> eventId.equals(header(record, "ce_id")))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** Everything on the dead-letter topic so far. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> textParts(Part part) throws Exception {
        List<String> texts = new ArrayList<>();
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                texts.addAll(textParts(child));
            }
        } else if (content instanceof String text) {
            texts.add(text);
        }
        return texts;
    }
}

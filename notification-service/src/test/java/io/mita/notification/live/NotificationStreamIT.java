package io.mita.notification.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/**
 * The SSE stream against the real service: a published event reaches the open stream, a reconnect with
 * Last-Event-ID gets what was missed, an announcement made by another instance (a pg_notify on the shared
 * database) reaches this instance's clients, heartbeats keep an idle stream alive.
 */
@MitaIntegrationTest
class NotificationStreamIT {

    static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {};

    static KafkaProducer<String, CloudEvent> producer;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

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
    void aNewNotificationReachesTheOpenStreamWithItsSeqAsId() throws Exception {
        UUID user = UUID.randomUUID();
        BlockingQueue<ServerSentEvent<String>> received = new LinkedBlockingQueue<>();
        Disposable stream = open(user, null, received);
        try {
            awaitConnected(user);
            publishGoal(user, "Stream");

            ServerSentEvent<String> event = next(received);
            assertThat(event.event()).isEqualTo("notification");
            assertThat(event.data()).contains("\"title\":\"Goal reached: Stream\"");
            assertThat(Long.parseLong(event.id())).isEqualTo(seqOfTitle(user, "Goal reached: Stream"));
        } finally {
            stream.dispose();
        }
    }

    @Test
    void aReconnectWithLastEventIdReplaysWhatWasMissedInOrder() throws Exception {
        UUID user = UUID.randomUUID();
        publishGoal(user, "A");
        awaitCount(user, 1);
        publishGoal(user, "B");
        awaitCount(user, 2);
        publishGoal(user, "C");
        awaitCount(user, 3);
        long first = seqOfTitle(user, "Goal reached: A");

        BlockingQueue<ServerSentEvent<String>> received = new LinkedBlockingQueue<>();
        Disposable stream = open(user, Long.toString(first), received);
        try {
            assertThat(next(received).data()).contains("Goal reached: B");
            assertThat(next(received).data()).contains("Goal reached: C");
        } finally {
            stream.dispose();
        }
    }

    @Test
    void anAnnouncementByAnotherInstanceReachesThisInstancesClients() throws Exception {
        UUID user = UUID.randomUUID();
        BlockingQueue<ServerSentEvent<String>> received = new LinkedBlockingQueue<>();
        Disposable stream = open(user, null, received);
        try {
            awaitConnected(user);
            // what another instance's NotifyUser does in its transaction, here on a connection of the test
            String payload = """
                    {"id":"%s","seq":%d,"userId":"%s","kind":"INSIGHT","title":"From elsewhere","body":"b",
                     "createdAt":"%s"}""".formatted(UUID.randomUUID(), Long.MAX_VALUE - 1, user, Instant.now());
            database.sql("SELECT pg_notify('mita_notification', :payload)")
                    .bind("payload", payload)
                    .then()
                    .block();

            assertThat(next(received).data()).contains("From elsewhere");
        } finally {
            stream.dispose();
        }
    }

    @Test
    void anIdleStreamGetsHeartbeats() throws Exception {
        BlockingQueue<ServerSentEvent<String>> received = new LinkedBlockingQueue<>();
        Disposable stream = open(UUID.randomUUID(), null, received);
        try {
            ServerSentEvent<String> heartbeat = nextHeartbeat(received);
            assertThat(heartbeat.comment()).isEqualTo("heartbeat");
            assertThat(heartbeat.data()).isNull();
        } finally {
            stream.dispose();
        }
    }

    @Test
    void theStreamNeedsATokenAndAValidLastEventId() {
        web.get()
                .uri("/api/notifications/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        web.get()
                .uri("/api/notifications/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", "yesterday")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID())))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOTIFICATION_INVALID_LAST_EVENT_ID");
    }

    @Autowired
    LiveNotifications live;

    private void awaitConnected(UUID user) {
        await().atMost(KafkaTestBroker.patience()).until(() -> live.connected(user));
    }

    private Disposable open(UUID user, String lastEventId, BlockingQueue<ServerSentEvent<String>> into) {
        return web.mutate()
                .responseTimeout(Duration.ofMinutes(2))
                .build()
                .get()
                .uri("/api/notifications/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(TestTokens.forUser(user));
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(SSE)
                .getResponseBody()
                .subscribe(into::add);
    }

    /** The next notification event, heartbeats passed over. */
    private static ServerSentEvent<String> next(BlockingQueue<ServerSentEvent<String>> received)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            ServerSentEvent<String> event = received.poll(1, TimeUnit.SECONDS);
            if (event != null && event.data() != null) {
                return event;
            }
        }
        throw new AssertionError("no notification within 60 s");
    }

    private static ServerSentEvent<String> nextHeartbeat(BlockingQueue<ServerSentEvent<String>> received)
            throws InterruptedException {
        ServerSentEvent<String> event = received.poll(60, TimeUnit.SECONDS);
        assertThat(event).as("a heartbeat within 60 s").isNotNull();
        return event;
    }

    private void publishGoal(UUID user, String name) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("/mita/budget"))
                .withType("mita.budget.goal.completed.v1")
                .withSubject(user.toString())
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData("""
                        {"goalId":"%s","userId":"%s","name":"%s","savedAmount":"1.00","targetAmount":"1.00",
                         "currency":"EUR","reason":"TARGET_REACHED","completedAt":"2026-07-01T08:15:00Z","version":1}""".formatted(UUID.randomUUID(), user, name).getBytes(StandardCharsets.UTF_8))
                .build();
        try {
            producer.send(new ProducerRecord<>("mita.budget.v1", user.toString(), event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitCount(UUID user, long count) {
        await().atMost(KafkaTestBroker.patience())
                .until(() -> database.sql("SELECT count(*) AS n FROM notification WHERE user_id = :u")
                                .bind("u", user)
                                .map(row -> row.get("n", Long.class))
                                .one()
                                .block()
                        == count);
    }

    private long seqOfTitle(UUID user, String title) {
        List<Long> seqs = database.sql("SELECT seq FROM notification WHERE user_id = :u AND title = :t")
                .bind("u", user)
                .bind("t", title)
                .map(row -> row.get("seq", Long.class))
                .all()
                .collectList()
                .block();
        assertThat(seqs).hasSize(1);
        return seqs.get(0);
    }
}

package io.mita.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.mita.notification.TestSmtpServer;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Notification e-mail through the real queue to a real SMTP server (GreenMail): preferences choose it, the mail
 * carries text, HTML and a working unsubscribe link, quiet hours hold it, an SMTP outage does not stop the events
 * from becoming notifications, and the last failed attempt puts the mail in the dead-letter store that an ADMIN
 * lists and replays.
 */
@MitaIntegrationTest
class NotificationMailIT {

    static final Pattern UNSUBSCRIBE =
            Pattern.compile("(http://localhost:8080/api/notifications/unsubscribe\\?token=[^\\s\"<]+)");

    static KafkaProducer<String, CloudEvent> producer;

    @Autowired
    DatabaseClient database;

    @Autowired
    WebTestClient web;

    @BeforeAll
    static void connectProducer() {
        producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", KafkaTestBroker.bootstrapServers()),
                new StringSerializer(),
                new CloudEventSerializer());
    }

    @AfterAll
    static void closeProducer() {
        TestSmtpServer.start();
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void aGoalMailArrivesInTheUsersLanguageWithAWorkingUnsubscribeLink() throws Exception {
        UUID user = UUID.randomUUID();
        String address = "goal-" + user + "@example.com";
        preferences(user, """
                {"email":"%s","locale":"de","timeZone":"Europe/Berlin"}""".formatted(address));

        UUID first = publishGoal(user, "Urlaub");
        MimeMessage mail = awaitMails(address, 1).get(0);

        assertThat(mail.getSubject()).isEqualTo("Ziel erreicht: Urlaub");
        List<String> bodies = parts(mail);
        assertThat(bodies)
                .hasSize(2)
                .allSatisfy(body -> assertThat(body)
                        .contains("Sie haben 1200.00 EUR von 1200.00 EUR für Urlaub gespart.")
                        .contains("http://localhost:8080/api/notifications/unsubscribe?token="));
        assertThat(status(first)).isEqualTo("SENT");

        Matcher link = UNSUBSCRIBE.matcher(bodies.get(0));
        assertThat(link.find()).isTrue();
        String token =
                URLDecoder.decode(link.group(1).substring(link.group(1).indexOf("token=") + 6), StandardCharsets.UTF_8);
        web.get()
                .uri(uri -> uri.path("/api/notifications/unsubscribe")
                        .queryParam("token", "{t}")
                        .build(token))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("GOAL_COMPLETED");

        UUID second = publishGoal(user, "Auto");
        awaitNotification(second);
        // still in the app, but no e-mail any more: the queue row is dropped when it comes to be sent (or never made)
        await().atMost(KafkaTestBroker.patience()).until(() -> {
            String status = status(second);
            return status == null || status.equals("SKIPPED");
        });
        assertThat(TestSmtpServer.messagesTo(address)).hasSize(1);
        preferencesOf(user)
                .jsonPath("$.channels.EMAIL")
                .value(kinds -> assertThat((List<Object>) kinds)
                        .doesNotContain("GOAL_COMPLETED")
                        .contains("ACCOUNT_LOCKED"));
    }

    @Test
    void withoutAnAddressNoMailIsQueuedButTheNotificationIsStored() {
        UUID user = UUID.randomUUID();
        UUID event = publishGoal(user, "Bike");
        awaitNotification(event);
        assertThat(status(event)).isNull();
    }

    @Test
    void duringQuietHoursTheMailIsHeldUntilTheyEndWhileTheInAppNotificationIsStored() {
        UUID user = UUID.randomUUID();
        String address = "quiet-" + user + "@example.com";
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        LocalTime now = LocalTime.now(zone);
        preferences(user, """
                {"email":"%s","timeZone":"Asia/Tokyo","quietHours":{"start":"%s","end":"%s"}}""".formatted(
                        address,
                        now.minusHours(1).withNano(0).withSecond(0),
                        now.plusHours(2).withNano(0).withSecond(0)));

        UUID event = publishGoal(user, "Quiet");
        awaitNotification(event);
        await().atMost(KafkaTestBroker.patience()).until(() -> "PENDING".equals(status(event)));
        OffsetDateTime held = database.sql("SELECT held_until FROM mail_queue WHERE event_id = :id")
                .bind("id", event)
                .map(row -> row.get("held_until", OffsetDateTime.class))
                .one()
                .block();
        assertThat(held).isAfter(OffsetDateTime.now().plusMinutes(100));
        assertThat(TestSmtpServer.messagesTo(address)).isEmpty();

        // the quiet hours end (moved to now): the sender releases the held mail
        database.sql("UPDATE mail_queue SET next_attempt_at = now() WHERE event_id = :id")
                .bind("id", event)
                .then()
                .block();
        awaitMails(address, 1);
        await().atMost(KafkaTestBroker.patience()).until(() -> "SENT".equals(status(event)));
    }

    @Test
    void aRefusingMailServerDelaysMailButNotNotificationsAndTheLastAttemptDeadLettersItForReplay() {
        UUID user = UUID.randomUUID();
        String address = "outage-" + user + "@example.com";
        preferences(user, """
                {"email":"%s"}""".formatted(address));
        TestSmtpServer.stop();
        try {
            UUID first = publishGoal(user, "One");
            awaitNotification(first);
            await().atMost(KafkaTestBroker.patience()).until(() -> attempts(first) >= 1);
            assertThat(status(first)).isEqualTo("PENDING");
            assertThat(lastError(first)).contains("did not accept");

            // the outage blocks nothing: further events of the user become notifications
            UUID second = publishGoal(user, "Two");
            awaitNotification(second);

            // the last allowed attempt fails: the mail goes to the dead-letter store
            database.sql("UPDATE mail_queue SET attempts = 9, next_attempt_at = now() WHERE event_id = :id")
                    .bind("id", first)
                    .then()
                    .block();
            await().atMost(KafkaTestBroker.patience()).until(() -> "DEAD".equals(status(first)));
            UUID deadId = mailId(first);
            assertThat(attempts(first)).isGreaterThanOrEqualTo(10);

            web.get()
                    .uri("/api/notifications/admin/dead-letters")
                    .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "ADMIN")))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.items[?(@.id == '" + deadId + "')].lastError")
                    .value(errors -> assertThat(errors.toString())
                            .contains("did not accept")
                            .doesNotContain(address));
            web.get()
                    .uri("/api/notifications/admin/dead-letters")
                    .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        } finally {
            TestSmtpServer.start();
        }
        UUID first = database.sql("SELECT event_id FROM mail_queue WHERE user_id = :u AND status = 'DEAD'")
                .bind("u", user)
                .map(row -> row.get("event_id", UUID.class))
                .one()
                .block();
        UUID deadId = mailId(first);
        web.post()
                .uri("/api/notifications/admin/dead-letters/" + deadId + "/replay")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "ADMIN")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING");
        await().atMost(KafkaTestBroker.patience()).until(() -> "SENT".equals(status(first)));
        web.post()
                .uri("/api/notifications/admin/dead-letters/" + deadId + "/replay")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "ADMIN")))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOTIFICATION_DEAD_LETTER_NOT_FOUND");
    }

    @Test
    void preferencesRefuseAnUnknownZoneLanguageOrAddressAndTheUnsubscribeLinkRefusesAForgedToken() {
        UUID user = UUID.randomUUID();
        putPreferences(user, "{\"timeZone\":\"Mars/Olympus\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOTIFICATION_INVALID_PREFERENCES");
        putPreferences(user, "{\"locale\":\"xx\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOTIFICATION_INVALID_PREFERENCES");
        putPreferences(user, "{\"email\":\"not an address\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
        putPreferences(user, "{\"channels\":{\"EMAIL\":[\"NO_SUCH_KIND\"]}}")
                .expectStatus()
                .isBadRequest();
        web.get()
                .uri("/api/notifications/unsubscribe?token=forged.token")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOTIFICATION_INVALID_UNSUBSCRIBE_TOKEN");
        web.get()
                .uri("/api/notifications/preferences")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        preferencesOf(user)
                .jsonPath("$.locale")
                .isEqualTo("en")
                .jsonPath("$.timeZone")
                .isEqualTo("UTC")
                .jsonPath("$.email")
                .isEmpty();
    }

    private WebTestClient.ResponseSpec putPreferences(UUID user, String json) {
        return web.put()
                .uri("/api/notifications/preferences")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private void preferences(UUID user, String json) {
        putPreferences(user, json).expectStatus().isOk();
    }

    private WebTestClient.BodyContentSpec preferencesOf(UUID user) {
        return web.get()
                .uri("/api/notifications/preferences")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private UUID publishGoal(UUID user, String name) {
        UUID id = UUID.randomUUID();
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(URI.create("/mita/budget"))
                .withType("mita.budget.goal.completed.v1")
                .withSubject(user.toString())
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData("""
                        {"goalId":"%s","userId":"%s","name":"%s","savedAmount":"1200.00","targetAmount":"1200.00",
                         "currency":"EUR","reason":"TARGET_REACHED","completedAt":"2026-07-01T08:15:00Z","version":8}""".formatted(UUID.randomUUID(), user, name).getBytes(StandardCharsets.UTF_8))
                .build();
        try {
            producer.send(new ProducerRecord<>("mita.budget.v1", user.toString(), event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private void awaitNotification(UUID eventId) {
        await().atMost(KafkaTestBroker.patience())
                .until(() -> database.sql("SELECT count(*) AS n FROM notification WHERE event_id = :id")
                                .bind("id", eventId)
                                .map(row -> row.get("n", Long.class))
                                .one()
                                .block()
                        == 1);
    }

    private String status(UUID eventId) {
        return database.sql("SELECT status FROM mail_queue WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get("status", String.class))
                .one()
                .block();
    }

    private int attempts(UUID eventId) {
        Integer attempts = database.sql("SELECT attempts FROM mail_queue WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get("attempts", Integer.class))
                .one()
                .block();
        return attempts == null ? 0 : attempts;
    }

    private String lastError(UUID eventId) {
        return database.sql("SELECT last_error FROM mail_queue WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get("last_error", String.class))
                .one()
                .block();
    }

    private UUID mailId(UUID eventId) {
        return database.sql("SELECT id FROM mail_queue WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
    }

    private static List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(KafkaTestBroker.patience())
                .until(() -> TestSmtpServer.messagesTo(address).size() >= count);
        return TestSmtpServer.messagesTo(address);
    }

    private static List<String> parts(Part part) throws Exception {
        List<String> bodies = new ArrayList<>();
        collect(part, bodies);
        return bodies;
    }

    private static void collect(Part part, List<String> bodies) throws Exception {
        if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
            bodies.add((String) part.getContent());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), bodies);
            }
        }
    }
}

package io.mita.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.erasure.PersonalDataErasure;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PersonalRows;
import io.mita.testsupport.TestTokens;
import io.mita.testsupport.TopicRecords;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Real CloudEvents on the real topics become in-app notifications in the real database: once per event id, in
 * the user's words, the habit streak counted; malformed records go to {@code <topic>.dlt} with a reason, types
 * this service does not notify about are counted and passed over.
 */
@MitaIntegrationTest
class NotificationEventsIT {

    static KafkaProducer<String, CloudEvent> producer;

    @Autowired
    DatabaseClient database;

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry registry;

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
    void aThresholdEventPublishedTwiceBecomesOneNotificationInTheFeed() {
        UUID user = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        CloudEvent event = event(eventId, ThresholdReached.TYPE, user, """
                {"userId":"%s","month":"2026-03","category":"groceries","percent":80,"allocated":"400.00",
                 "spent":"321.40","currency":"EUR"}""".formatted(user));

        publish("mita.budget.v1", event);
        publish("mita.budget.v1", event);
        // a later event of the same user: once it is in, the duplicate before it has been handled too
        UUID later = UUID.randomUUID();
        publish("mita.budget.v1", event(later, GoalCompleted.TYPE, user, goal(user, "Bike")));
        awaitNotification(later);

        assertThat(count("SELECT count(*) AS n FROM notification WHERE event_id = '" + eventId + "'"))
                .isEqualTo(1);
        web.get()
                .uri("/api/notifications")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2)
                .jsonPath("$.items[0].title")
                .isEqualTo("Goal reached: Bike")
                .jsonPath("$.items[1].title")
                .isEqualTo("80 % of your groceries budget is used")
                .jsonPath("$.items[1].body")
                .isEqualTo("In 2026-03 you have spent 321.40 EUR of the 400.00 EUR planned for groceries.")
                .jsonPath("$.items[1].read")
                .isEqualTo(false);
    }

    @Test
    void everyConsumedTypeMakesItsNotification() {
        UUID user = UUID.randomUUID();
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        titles.put(
                publishAndAwait("mita.auth.v1", AccountLocked.TYPE, user, """
                {"userId":"%s","failedAttempts":5,"lockedUntil":"2026-01-15T10:30:00Z"}""".formatted(user)),
                "Your MITA account was locked");
        titles.put(publishAndAwait("mita.auth.v1", UserRegistered.TYPE, user, """
                {"userId":"%s","displayName":"Ann","registeredAt":"2026-01-15T09:30:00Z"}""".formatted(user)), "Welcome to MITA");
        titles.put(
                publishAndAwait(
                        "mita.insights.v1", InsightGenerated.TYPE, user, """
                {"insightId":"%s","userId":"%s","kind":"CATEGORY_OVERSPEND","severity":"HIGH","month":"2026-01",
                 "title":"Groceries over plan","text":"You have spent 112 %% of your groceries plan.",
                 "generatedAt":"2026-01-22T07:00:00Z"}""".formatted(UUID.randomUUID(), user)),
                "Groceries over plan");
        titles.put(
                publishAndAwait("mita.ocr.v1", ReceiptProcessed.TYPE, user, """
                {"receiptId":"%s","userId":"%s","merchant":"Lidl","occurredOn":"2026-01-15","total":"23.47",
                 "currency":"EUR","suggestedCategory":"groceries","confidence":0.871,
                 "processedAt":"2026-01-15T18:02:41Z"}""".formatted(UUID.randomUUID(), user)),
                "Your receipt is ready");
        titles.put(
                publishAndAwait("mita.ocr.v1", ReceiptFailed.TYPE, user, """
                {"receiptId":"%s","userId":"%s","reason":"TIMEOUT","attempts":3,"failedAt":"2026-01-15T18:09:12Z"}""".formatted(UUID.randomUUID(), user)),
                "We could not read your receipt");

        titles.forEach(
                (eventId, title) -> assertThat(title(UUID.fromString(eventId))).isEqualTo(title));
        assertThat(body(UUID.fromString(titles.keySet().iterator().next())))
                .isEqualTo("After 5 failed sign-ins your account is locked until 2026-01-15 10:30 UTC. "
                        + "If this was not you, reset your password.");
    }

    @Test
    void theHabitNotificationTellsTheStreak() {
        UUID user = UUID.randomUUID();
        UUID habit = UUID.randomUUID();
        publishAndAwait("mita.budget.v1", HabitCompleted.TYPE, user, habit(habit, user, "2026-01-13"));
        publishAndAwait("mita.budget.v1", HabitCompleted.TYPE, user, habit(habit, user, "2026-01-14"));
        String third = publishAndAwait("mita.budget.v1", HabitCompleted.TYPE, user, habit(habit, user, "2026-01-15"));
        String afterGap =
                publishAndAwait("mita.budget.v1", HabitCompleted.TYPE, user, habit(habit, user, "2026-01-17"));

        assertThat(body(UUID.fromString(third))).isEqualTo("You kept your habit on 2026-01-15: 3 days in a row.");
        assertThat(body(UUID.fromString(afterGap))).isEqualTo("You kept your habit on 2026-01-17.");
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicWithTheReason() {
        UUID user = UUID.randomUUID();
        UUID notJson = UUID.randomUUID();
        UUID noUser = UUID.randomUUID();
        UUID otherSubject = UUID.randomUUID();

        publish("mita.budget.v1", event(notJson, GoalCompleted.TYPE, user, "{not json"));
        publish("mita.budget.v1", event(noUser, GoalCompleted.TYPE, user, """
                {"goalId":"%s","name":"Bike"}""".formatted(UUID.randomUUID())));
        publish("mita.budget.v1", event(otherSubject, GoalCompleted.TYPE, UUID.randomUUID(), goal(user, "Bike")));

        assertThat(header(awaitDeadLetter("mita.budget.v1.dlt", noUser), "kafka_dlt-exception-message"))
                .contains("lacks userId");
        assertThat(header(awaitDeadLetter("mita.budget.v1.dlt", otherSubject), "kafka_dlt-exception-message"))
                .contains("is about subject");
        assertThat(header(awaitDeadLetter("mita.budget.v1.dlt", notJson), "kafka_dlt-exception-message"))
                .isNotBlank();
        assertThat(count("SELECT count(*) AS n FROM notification WHERE user_id = '" + user + "'"))
                .isZero();
    }

    @Test
    void typesThisServiceDoesNotNotifyAboutAreCountedAndPassedOver() {
        UUID user = UUID.randomUUID();
        double before = ignored("mita.budget.v1");

        publish("mita.budget.v1", event(UUID.randomUUID(), "mita.budget.transaction.created.v1", user, "{}"));
        publish("mita.budget.v1", event(UUID.randomUUID(), "mita.budget.something-new.v9", user, "{\"x\":1}"));
        UUID lowInsight = UUID.randomUUID();
        publish("mita.insights.v1", event(lowInsight, InsightGenerated.TYPE, user, """
                {"insightId":"%s","userId":"%s","kind":"SAVINGS_RATE","severity":"LOW","title":"t","text":"x"}""".formatted(
                        UUID.randomUUID(), user)));
        String after = publishAndAwait("mita.budget.v1", GoalCompleted.TYPE, user, goal(user, "Car"));

        await().atMost(KafkaTestBroker.patience()).until(() -> ignored("mita.budget.v1") >= before + 2);
        assertThat(count("SELECT count(*) AS n FROM notification WHERE user_id = '" + user + "'"))
                .isEqualTo(1);
        assertThat(title(UUID.fromString(after))).isEqualTo("Goal reached: Car");
    }

    @Test
    void anErasedUsersNotificationsPreferencesAndDevicesAreDeletedOnceAndNothingAboutThemIsNotifiedAfterwards() {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        publishAndAwait("mita.budget.v1", GoalCompleted.TYPE, erased, goal(erased, "Gone"));
        publishAndAwait("mita.budget.v1", GoalCompleted.TYPE, kept, goal(kept, "Kept"));
        database.sql("INSERT INTO device_token (user_id, token, platform) VALUES (:u, 'erased-phone', 'IOS')")
                .bind("u", erased)
                .then()
                .block();
        double erasures = registry.get(PersonalDataErasure.METRIC).counter().count();

        UUID erasure = UUID.randomUUID();
        CloudEvent erasureEvent = event(erasure, UserErased.TYPE, erased, """
                {"userId":"%s","erasedAt":"2026-11-30T10:15:30Z","erasedBy":"SELF"}""".formatted(erased));
        publish("mita.auth.v1", erasureEvent);
        publish("mita.auth.v1", erasureEvent); // redelivered: deletes nothing twice, counted once
        await().atMost(KafkaTestBroker.patience())
                .until(() -> PersonalRows.processed(database, "user-erasure", erasure));

        // events about the user that were still on their way (the welcome after the duplicate, same partition)
        UUID lateHabit = UUID.randomUUID();
        publish(
                "mita.budget.v1",
                event(lateHabit, HabitCompleted.TYPE, erased, habit(UUID.randomUUID(), erased, "2026-07-01")));
        UUID lateGoal = UUID.randomUUID();
        publish("mita.budget.v1", event(lateGoal, GoalCompleted.TYPE, erased, goal(erased, "Back again")));
        UUID lateWelcome = UUID.randomUUID();
        publish("mita.auth.v1", event(lateWelcome, UserRegistered.TYPE, erased, """
                {"userId":"%s","displayName":"Ghost","registeredAt":"2026-11-30T10:16:00Z"}""".formatted(erased)));
        await().atMost(KafkaTestBroker.patience())
                .until(() -> PersonalRows.processed(database, "notification-feed", lateGoal)
                        && PersonalRows.processed(database, "notification-feed", lateWelcome));

        assertThat(PersonalRows.perTable(database, erased))
                .as("notifications, preferences, mail, habit days, devices, reset mail records")
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(PersonalRows.tombstoned(database, erased)).isTrue();
        assertThat(registry.get(PersonalDataErasure.METRIC).counter().count()).isEqualTo(erasures + 1);
        assertThat(count("SELECT count(*) AS n FROM notification WHERE user_id = '" + kept + "'"))
                .isEqualTo(1);

        // the user's still-valid access token is refused, the other user's is not
        web.get()
                .uri("/api/notifications")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(erased)))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_ACCOUNT_ERASED");
        web.get()
                .uri("/api/notifications")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(kept)))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private double ignored(String topic) {
        Counter counter = registry.find("mita.notification.events.ignored")
                .tag("topic", topic)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static String goal(UUID user, String name) {
        return """
                {"goalId":"%s","userId":"%s","name":"%s","savedAmount":"1200.00","targetAmount":"1200.00",
                 "currency":"EUR","reason":"TARGET_REACHED","completedAt":"2026-07-01T08:15:00Z","version":8}""".formatted(UUID.randomUUID(), user, name);
    }

    static String habit(UUID habit, UUID user, String day) {
        return """
                {"habitId":"%s","userId":"%s","day":"%s","completedAt":"%sT20:15:00Z"}""".formatted(habit, user, day, day);
    }

    /** Publishes and waits for its notification; answers the event id. */
    String publishAndAwait(String topic, String type, UUID user, String data) {
        UUID eventId = UUID.randomUUID();
        publish(topic, event(eventId, type, user, data));
        awaitNotification(eventId);
        return eventId.toString();
    }

    static CloudEvent event(UUID id, String type, UUID subject, String data) {
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(URI.create("/mita/test"))
                .withType(type)
                .withSubject(subject.toString())
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(data.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    static void publish(String topic, CloudEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.getSubject(), event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void awaitNotification(UUID eventId) {
        await().atMost(KafkaTestBroker.patience())
                .until(() -> count("SELECT count(*) AS n FROM notification WHERE event_id = '" + eventId + "'") == 1);
    }

    String title(UUID eventId) {
        return database.sql("SELECT title FROM notification WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get("title", String.class))
                .one()
                .block();
    }

    String body(UUID eventId) {
        return database.sql("SELECT body FROM notification WHERE event_id = :id")
                .bind("id", eventId)
                .map(row -> row.get("body", String.class))
                .one()
                .block();
    }

    long count(String sql) {
        return database.sql(sql).map(row -> row.get("n", Long.class)).one().block();
    }

    static ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, UUID eventId) {
        List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
        await().atMost(KafkaTestBroker.patience()).until(() -> {
            TopicRecords.readAll(topic).stream()
                    .filter(record -> eventId.toString().equals(header(record, "ce_id")))
                    .forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

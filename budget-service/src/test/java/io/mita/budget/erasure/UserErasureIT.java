package io.mita.budget.erasure;

import static io.mita.budget.support.ReceiptFixtures.aGroceriesReceipt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.budget.inbound.ReceiptTransactions;
import io.mita.budget.support.BudgetClient;
import io.mita.budget.support.PersonalBudgets;
import io.mita.common.erasure.PersonalDataErasure;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PersonalRows;
import io.mita.testsupport.TestEventProducer;
import io.mita.testsupport.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * auth-service's {@code user.erased} on the real topic deletes every row budget-service holds about that user —
 * every table with a {@code user_id}, found in the schema, and the user's events in the outbox — and nothing of
 * anyone else's; the same event again changes nothing; a malformed one goes to {@code mita.auth.v1.dlt}. Afterwards
 * the tombstone refuses what would bring the user back: a still-valid access token (401 {@code AUTH_ACCOUNT_ERASED},
 * reads and writes) and a {@code receipt.confirmed} consumed after the erasure (marked processed, nothing created).
 */
@MitaIntegrationTest
// a consumer group of this context alone: another cached context of the test JVM must not take the events
@TestPropertySource(properties = "mita.erasure.consumer-group=budget-erasure-it")
class UserErasureIT {

    static final String TOPIC = "mita.auth.v1";
    static final String TYPE = "mita.auth.user.erased.v1";
    static final TestEventProducer producer = new TestEventProducer();

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReceiptTransactions receipts;

    @Autowired
    MeterRegistry meters;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void theErasedUsersRowsGoFromEveryTableOnceAndTheOtherUsersStay() {
        UUID erased = seed(BudgetClient.forANewUser(webTestClient));
        UUID kept = seed(BudgetClient.forANewUser(webTestClient));
        Map<String, Long> before = PersonalRows.perTable(database, erased);
        assertThat(before).containsEntry(PersonalBudgets.TRANSACTION_LOCAL, 0L);
        before.remove(PersonalBudgets.TRANSACTION_LOCAL);
        assertThat(before)
                .as("every table with a user_id holds some of the user's rows")
                .containsKeys("transaction", "idempotency_key", "category", "budget_plan", "month_allocation")
                .containsKeys("redistribution_run", "threshold_reached", "goal", "goal_contribution")
                .containsKeys("goal_allocation", "habit", "receipt_inbox")
                .containsKeys("stored_dashboard", "dashboard_data_version")
                .allSatisfy((table, n) -> assertThat(n).as(table).isPositive());
        assertThat(PersonalRows.inOutbox(database, erased)).isPositive();
        Map<String, Long> keptBefore = PersonalRows.perTable(database, kept);
        double erasures = erasures();

        CloudEvent event = erasedEvent(UUID.randomUUID(), erased, erased);
        producer.publish(TOPIC, event);
        producer.publish(TOPIC, event);
        // a later erasure on the same partition (same key): once it is done, both deliveries above have been handled
        UUID nobody = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        producer.publish(TOPIC, erased.toString(), erasedEvent(marker, nobody, nobody));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> PersonalRows.processed(database, ErasurePlan.CONSUMER, marker));
        assertThat(PersonalRows.perTable(database, erased))
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(PersonalRows.inOutbox(database, erased)).isZero();
        assertThat(PersonalRows.tombstoned(database, erased)).isTrue();
        assertThat(PersonalRows.tombstoned(database, kept)).isFalse();
        assertThat(PersonalRows.perTable(database, kept)).isEqualTo(keptBefore);
        assertThat(PersonalRows.inOutbox(database, kept)).isPositive();
        assertThat(erasures()).isEqualTo(erasures + 2);
    }

    @Test
    void anErasedUsersStillValidTokenIsRefusedAndAReceiptConsumedAfterTheErasureCreatesNothing() {
        BudgetClient user = BudgetClient.forANewUser(webTestClient);
        seed(user);
        BudgetClient other = BudgetClient.forANewUser(webTestClient);
        UUID marker = UUID.randomUUID();

        producer.publish(TOPIC, user.user().toString(), erasedEvent(marker, user.user(), user.user()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> PersonalRows.processed(database, ErasurePlan.CONSUMER, marker));

        refusedAsErased(user.get("/api/budget/transactions"));
        refusedAsErased(user.post("/api/budget/categories", Map.of("name", "Back again")));
        other.get("/api/budget/transactions").expectStatus().isOk();

        UUID receiptEvent = UUID.randomUUID();
        Boolean created = receipts.recordOnce(receiptEvent, aGroceriesReceipt(user.user(), "Late shop", today, "9.99"))
                .block(Duration.ofSeconds(30));
        assertThat(created).isFalse();
        assertThat(PersonalRows.processed(database, "budget-receipts-of-erased-users", receiptEvent))
                .isTrue();
        assertThat(PersonalRows.perTable(database, user.user()))
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(PersonalRows.inOutbox(database, user.user())).isZero();
    }

    @Test
    void anErasureAboutSomeoneElseThanItsSubjectGoesToTheDeadLetterTopicAndDeletesNothing() {
        UUID user = seed(BudgetClient.forANewUser(webTestClient));
        UUID eventId = UUID.randomUUID();

        producer.publish(TOPIC, erasedEvent(eventId, user, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicRecords.readAll(TOPIC + ".dlt").stream()
                        .anyMatch(record -> eventId.toString()
                                .equals(header(record.headers().lastHeader("ce_id")))));
        Map<String, Long> rows = PersonalRows.perTable(database, user);
        assertThat(rows.remove(PersonalBudgets.TRANSACTION_LOCAL)).isZero();
        assertThat(rows).allSatisfy((table, n) -> assertThat(n).as(table).isPositive());
    }

    /** One user's budget with a row in every table (docs: {@link PersonalBudgets#seed}). */
    private UUID seed(BudgetClient user) {
        return PersonalBudgets.seed(webTestClient, receipts, user);
    }

    private static void refusedAsErased(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_ACCOUNT_ERASED");
    }

    private static CloudEvent erasedEvent(UUID eventId, UUID subject, UUID userId) {
        return TestEventProducer.event(eventId, "/mita/auth", TYPE, subject.toString(), """
                {"userId":"%s","erasedAt":"2026-11-30T10:15:30Z","erasedBy":"SELF"}""".formatted(userId));
    }

    private double erasures() {
        return meters.get(PersonalDataErasure.METRIC).counter().count();
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

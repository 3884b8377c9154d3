package io.mita.insights.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.common.erasure.PersonalDataErasure;
import io.mita.insights.inbound.PlanUpdated;
import io.mita.insights.inbound.TransactionRecorded;
import io.mita.insights.projection.Projections;
import io.mita.insights.support.BudgetEventPublisher;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PersonalRows;
import io.mita.testsupport.TestEventProducer;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * auth-service's {@code user.erased} on the real topic deletes the user's insights, projections and outbox events
 * and nothing of anyone else's; the same event again changes nothing; a budget event about the user that arrives
 * afterwards, and a projection rebuild from the topic's history, build nothing for them again.
 */
@MitaIntegrationTest
// a consumer group of this context alone: another cached context of the test JVM must not take the events
@TestPropertySource(
        properties = {
            "mita.erasure.consumer-group=insights-erasure-it",
            "mita.insights.consumer-group=insights-projections-erasure-it"
        })
class UserErasureIT {

    static final String TOPIC = "mita.auth.v1";
    static final TestEventProducer producer = new TestEventProducer();
    /** Every table with a user_id except the tombstone, which holds the erased user's id by design. */
    static final String TOMBSTONE = "erased_user";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    private final YearMonth month = YearMonth.now(ZoneOffset.UTC);

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void theErasedUsersInsightsAndProjectionsGoAndStayGoneAndTheOtherUsersStay() {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        overspend(erased);
        overspend(kept);
        for (UUID user : List.of(erased, kept)) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> PersonalRows.perTable(database, user).get("insight") > 0);
        }
        Map<String, Long> before = PersonalRows.perTable(database, erased);
        for (String table : List.of(
                "insight",
                "projected_transaction",
                "projected_plan",
                "category_month_total",
                "daily_total",
                "merchant_stat")) {
            assertThat(before.get(table)).as(table).isPositive();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> PersonalRows.inOutbox(database, erased) > 0);
        double erasures = meters.get(PersonalDataErasure.METRIC).counter().count();

        CloudEvent event = erasedEvent(UUID.randomUUID(), erased);
        producer.publish(TOPIC, event);
        producer.publish(TOPIC, event);
        // a later erasure on the same partition (same key): once it is done, both deliveries above have been handled
        UUID marker = UUID.randomUUID();
        producer.publish(TOPIC, erased.toString(), erasedEvent(marker, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> PersonalRows.processed(database, ErasurePlan.CONSUMER, marker));

        assertErased(erased);
        assertThat(count("SELECT count(*) AS n FROM erased_user WHERE user_id = :userId", erased))
                .isOne();
        assertThat(meters.get(PersonalDataErasure.METRIC).counter().count()).isEqualTo(erasures + 2);
        // the user's access token is still valid for up to 15 minutes: refused, the other user's is not
        web.get()
                .uri("/api/insights")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(erased)))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("AUTH_ACCOUNT_ERASED");
        web.get()
                .uri("/api/insights")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(kept)))
                .exchange()
                .expectStatus()
                .isOk();
        Map<String, Long> keptRows = PersonalRows.perTable(database, kept);
        assertThat(keptRows.get("insight")).isPositive();
        assertThat(keptRows.get("projected_transaction")).isEqualTo(2L);

        // a budget event about the user that was still on its way
        try (BudgetEventPublisher late = new BudgetEventPublisher(erased)) {
            UUID lateEvent = late.publish(
                    TransactionRecorded.CREATED,
                    late.transaction(
                            UUID.randomUUID(), "EXPENSE", "9.00", "groceries", month.atDay(2), "Late Shop", 0));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> PersonalRows.processed(database, Projections.CONSUMER, lateEvent));
        }
        assertErased(erased);

        // the topic still holds the user's events: a rebuild leaves them out
        web.post()
                .uri("/api/insights/admin/projections/rebuild")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "USER", "ADMIN")))
                .exchange()
                .expectStatus()
                .isOk();
        assertErased(erased);
        assertThat(PersonalRows.perTable(database, kept).get("projected_transaction"))
                .isEqualTo(2L);
    }

    /** A plan and two expenses over it: a HIGH overspend insight, announced through the outbox. */
    private void overspend(UUID user) {
        LocalDate first = month.atDay(1);
        try (BudgetEventPublisher budget = new BudgetEventPublisher(user)) {
            budget.publish(PlanUpdated.TYPE, budget.plan(month, "2000.00", "200.00", Map.of("groceries", "100.00"), 0));
            budget.publish(
                    TransactionRecorded.CREATED,
                    budget.transaction(UUID.randomUUID(), "EXPENSE", "80.00", "groceries", first, "Corner Shop", 0));
            budget.publish(
                    TransactionRecorded.CREATED,
                    budget.transaction(UUID.randomUUID(), "EXPENSE", "70.00", "groceries", first, "Corner Shop", 0));
        }
    }

    private void assertErased(UUID user) {
        Map<String, Long> rows = new HashMap<>(PersonalRows.perTable(database, user));
        rows.remove(TOMBSTONE);
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(PersonalRows.inOutbox(database, user)).isZero();
    }

    private static CloudEvent erasedEvent(UUID eventId, UUID userId) {
        return TestEventProducer.event(
                eventId, "/mita/auth", "mita.auth.user.erased.v1", userId.toString(), """
                {"userId":"%s","erasedAt":"2026-11-30T10:15:30Z","erasedBy":"SELF"}""".formatted(userId));
    }

    private long count(String sql, UUID user) {
        return database.sql(sql)
                .bind("userId", user)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(10));
    }
}

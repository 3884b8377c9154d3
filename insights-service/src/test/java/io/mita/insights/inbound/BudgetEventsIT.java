package io.mita.insights.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.insights.support.BudgetEventPublisher;
import io.mita.testsupport.KafkaTestBroker;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TopicRecords;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Budget events from a real broker into the projections in the real database: month totals per category, the
 * daily series and merchant statistics follow creates, updates (also to another month) and deletes; a redelivered
 * or stale event changes nothing; poison goes to mita.budget.v1.dlt with its reason without stalling the
 * partition; other types are passed over, counted and never dead-lettered. Each test has its own user (= key).
 */
@MitaIntegrationTest
class BudgetEventsIT {

    static final String DEAD_LETTERS = BudgetEventPublisher.TOPIC + ".dlt";

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    private final UUID user = UUID.randomUUID();
    private final BudgetEventPublisher budget = new BudgetEventPublisher(user);

    @AfterEach
    void close() {
        budget.close();
    }

    @Test
    void createsUpdatesAndDeletesBecomeMonthTotalsDailySeriesAndMerchantStatistics() {
        UUID lidl = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        LocalDate jan10 = LocalDate.of(2026, 1, 10);
        LocalDate jan12 = LocalDate.of(2026, 1, 12);
        budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(lidl, "EXPENSE", "12.50", "groceries", jan10, "Lidl", 0));
        budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(moved, "EXPENSE", "20.00", "groceries", jan10, " LIDL", 0));
        budget.publish(
                TransactionRecorded.CREATED, budget.transaction(gone, "EXPENSE", "7.00", "dining", jan12, "Cafe", 0));
        budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(UUID.randomUUID(), "INCOME", "2500.00", "salary", jan12, null, 0));
        // moved to February with a new amount, then a stale version 0 of it again; one deleted
        budget.publish(
                TransactionRecorded.UPDATED,
                budget.transaction(moved, "EXPENSE", "25.00", "groceries", LocalDate.of(2026, 2, 3), "Lidl", 1));
        budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(moved, "EXPENSE", "20.00", "groceries", jan10, "Lidl", 0));
        budget.publish(
                TransactionRecorded.DELETED, budget.transaction(gone, "EXPENSE", "7.00", "dining", jan12, "Cafe", 1));
        UUID marker = UUID.randomUUID();
        budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(marker, "EXPENSE", "1.00", "misc", LocalDate.of(2026, 3, 1), null, 0));

        awaitTransaction(marker);
        assertThat(
                        rows(
                                "SELECT month, type, category, total, transactions FROM category_month_total WHERE user_id = :user ORDER BY month, type, category"))
                .extracting(r -> r.get("month") + " " + r.get("type") + " " + r.get("category") + " "
                        + ((BigDecimal) r.get("total")).stripTrailingZeros().toPlainString() + " x"
                        + r.get("transactions"))
                .containsExactly(
                        "2026-01 EXPENSE groceries 12.5 x1",
                        "2026-01 INCOME salary 2500 x1",
                        "2026-02 EXPENSE groceries 25 x1",
                        "2026-03 EXPENSE misc 1 x1");
        assertThat(rows("SELECT day, type, total FROM daily_total WHERE user_id = :user ORDER BY day, type"))
                .extracting(r -> r.get("day") + " " + r.get("type") + " "
                        + ((BigDecimal) r.get("total")).stripTrailingZeros().toPlainString())
                .containsExactly(
                        "2026-01-10 EXPENSE 12.5",
                        "2026-01-12 INCOME 2500",
                        "2026-02-03 EXPENSE 25",
                        "2026-03-01 EXPENSE 1");
        assertThat(
                        rows(
                                "SELECT merchant, transactions, total, first_on, last_on FROM merchant_stat WHERE user_id = :user ORDER BY merchant"))
                .extracting(r -> r.get("merchant") + " x" + r.get("transactions") + " "
                        + ((BigDecimal) r.get("total")).stripTrailingZeros().toPlainString() + " " + r.get("first_on")
                        + ".." + r.get("last_on"))
                .containsExactly("lidl x2 37.5 2026-01-10..2026-02-03");
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID transaction = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 4, 2);
        CloudEvent created = budget.event(
                UUID.randomUUID(),
                TransactionRecorded.CREATED,
                budget.transaction(transaction, "EXPENSE", "5.00", "coffee", day, null, 0));
        budget.publish(created);
        budget.publish(created);
        UUID marker = UUID.randomUUID();
        budget.publish(
                TransactionRecorded.CREATED, budget.transaction(marker, "EXPENSE", "1.00", "coffee", day, null, 0));

        awaitTransaction(marker);
        assertThat(rows("SELECT total, transactions FROM category_month_total WHERE user_id = :user"))
                .singleElement()
                .satisfies(r -> {
                    assertThat((BigDecimal) r.get("total")).isEqualByComparingTo("6.00");
                    assertThat(r.get("transactions")).isEqualTo(2);
                });
        assertThat(rows("SELECT event_id FROM processed_event WHERE event_id = '" + created.getId() + "'"))
                .hasSize(1);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithItsReasonAndTheNextEventsAreApplied() {
        UUID badAmount = UUID.randomUUID();
        UUID noVersion = UUID.randomUUID();
        Map<String, Object> withoutVersion =
                budget.transaction(UUID.randomUUID(), "EXPENSE", "3.00", "coffee", LocalDate.of(2026, 5, 1), null, 0);
        withoutVersion.remove("version");

        budget.publish(budget.event(
                badAmount,
                TransactionRecorded.CREATED,
                budget.transaction(
                        UUID.randomUUID(), "EXPENSE", "twelve", "coffee", LocalDate.of(2026, 5, 1), null, 0)));
        budget.publish(budget.event(noVersion, TransactionRecorded.CREATED, withoutVersion));
        UUID marker = UUID.randomUUID();
        budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(marker, "EXPENSE", "4.00", "coffee", LocalDate.of(2026, 5, 1), null, 0));

        awaitTransaction(marker);
        assertThat(header(awaitDeadLetter(badAmount), "kafka_dlt-exception-message"))
                .contains("not a decimal");
        assertThat(header(awaitDeadLetter(noVersion), "kafka_dlt-exception-message"))
                .contains("lacks version");
    }

    @Test
    void otherTypesArePassedOverCountedAndNeverDeadLettered() {
        UUID goal = UUID.randomUUID();
        double before = ignored("mita.budget.goal.created.v1");
        budget.publish(budget.event(
                goal,
                "mita.budget.goal.created.v1",
                Map.of("goalId", UUID.randomUUID().toString())));
        UUID marker = UUID.randomUUID();
        budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(marker, "EXPENSE", "4.00", "coffee", LocalDate.of(2026, 5, 1), null, 0));

        awaitTransaction(marker);
        await().atMost(KafkaTestBroker.patience()).until(() -> ignored("mita.budget.goal.created.v1") > before);
        assertThat(TopicRecords.readAll(DEAD_LETTERS))
                .noneMatch(record -> goal.toString().equals(header(record, "ce_id")));
    }

    // ---------------------------------------------------------------------------------------------

    private double ignored(String type) {
        var counter =
                meters.find("mita.insights.events.ignored").tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitTransaction(UUID transactionId) {
        await().atMost(KafkaTestBroker.patience())
                .until(() -> !rows("SELECT 1 FROM category_month_total c JOIN projected_transaction t"
                                + " ON t.user_id = c.user_id WHERE t.transaction_id = '" + transactionId
                                + "' AND c.user_id = :user AND c.month = to_char(t.occurred_on, 'YYYY-MM')")
                        .isEmpty());
    }

    private List<Map<String, Object>> rows(String sql) {
        var spec = database.sql(sql);
        if (sql.contains(":user")) {
            spec = spec.bind("user", user);
        }
        return spec.fetch().all().collectList().block(Duration.ofSeconds(10));
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(UUID eventId) {
        await().atMost(KafkaTestBroker.patience())
                .until(() -> TopicRecords.readAll(DEAD_LETTERS).stream()
                        .anyMatch(record -> eventId.toString().equals(header(record, "ce_id"))));
        return TopicRecords.readAll(DEAD_LETTERS).stream()
                .filter(record -> eventId.toString().equals(header(record, "ce_id")))
                .findFirst()
                .orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package io.mita.budget.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.inbound.ReceiptTransactions;
import io.mita.budget.support.BudgetClient;
import io.mita.budget.support.PersonalBudgets;
import io.mita.testsupport.ExportedDocuments;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PersonalRows;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/budget/me/export} on PostgreSQL: the caller's rows of every table that holds a {@code user_id}
 * (found in the schema, so a table added later without export fails here) and of the child tables without one,
 * nobody else's; 401 without a token.
 */
@MitaIntegrationTest
class DataExportIT {

    /** Tables without a user_id column that the erasure deletes through their parent (cascade). */
    static final Map<String, String> CHILD_TABLES = Map.of(
            "redistribution_move",
            "SELECT count(*) AS n FROM redistribution_move m JOIN redistribution_run r ON r.id = m.run_id"
                    + " WHERE r.user_id = :u",
            "habit_completion",
            "SELECT count(*) AS n FROM habit_completion c JOIN habit h ON h.id = c.habit_id WHERE h.user_id = :u");

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReceiptTransactions receipts;

    @Test
    void theCallerGetsEveryRowOfTheirsFromEveryTableAndNothingOfAnyoneElse() {
        BudgetClient caller = BudgetClient.forANewUser(webTestClient);
        UUID user = PersonalBudgets.seed(webTestClient, receipts, caller);
        UUID other = PersonalBudgets.seed(webTestClient, receipts, BudgetClient.forANewUser(webTestClient));
        Map<String, Long> rows = PersonalRows.perTable(database, user);
        assertThat(rows.remove(PersonalBudgets.TRANSACTION_LOCAL)).isZero();

        JsonNode export = BudgetClient.json(caller.get("/api/budget/me/export")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON));

        Map<String, Long> expected = new HashMap<>(rows);
        CHILD_TABLES.forEach((table, count) -> expected.put(
                table,
                database.sql(count)
                        .bind("u", user)
                        .map(row -> row.get("n", Long.class))
                        .one()
                        .block(Duration.ofSeconds(30))));
        // month_allocation (a row per category, V9_3) is exported as the table it replaced: a row per day
        expected.remove("month_allocation");
        expected.put(
                ExportPlan.DAILY_ALLOCATION.name(),
                database.sql("SELECT sum(cardinality(amounts)) AS n FROM month_allocation WHERE user_id = :u")
                        .bind("u", user)
                        .map(row -> ((Number) row.get("n")).longValue())
                        .one()
                        .block(Duration.ofSeconds(30)));
        assertThat(expected)
                .allSatisfy((table, n) -> assertThat(n).as(table + " seeded").isPositive());
        ExportedDocuments.assertHoldsExactly(export, "budget", user, expected, other);
        assertThat(export.get("daily_allocation").get(0).propertyNames())
                .as("a daily allocation as the rows of daily_allocation were before V9_3")
                .containsExactly("user_id", "month", "category", "day", "amount_minor");
        // amounts stay exact decimals, as strings
        assertThat(export.get("transaction").get(0).get("amount").isString()).isTrue();
    }

    @Test
    void withoutATokenTheExportIsRefused() {
        webTestClient
                .get()
                .uri("/api/budget/me/export")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}

package io.mita.budget.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.inbound.ReceiptTransactions;
import io.mita.budget.support.BudgetClient;
import io.mita.budget.support.PersonalBudgets;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PersonalRows;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
        BudgetClient caller = new BudgetClient(webTestClient, UUID.randomUUID());
        UUID user = PersonalBudgets.seed(webTestClient, receipts, caller);
        UUID other = PersonalBudgets.seed(webTestClient, receipts, new BudgetClient(webTestClient, UUID.randomUUID()));
        Map<String, Long> rows = PersonalRows.perTable(database, user);

        JsonNode export = BudgetClient.json(caller.get("/api/budget/me/export")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON));

        assertThat(export.get("service").asString()).isEqualTo("budget");
        assertThat(export.get("userId").asString()).isEqualTo(user.toString());
        Set<String> arrays = new HashSet<>(export.propertyNames());
        arrays.removeAll(Set.of("service", "userId", "exportedAt"));
        Set<String> expected = new HashSet<>(rows.keySet());
        expected.addAll(CHILD_TABLES.keySet());
        assertThat(arrays).as("one array per table with personal data").isEqualTo(expected);
        rows.forEach((table, n) -> {
            assertThat(n).as(table + " seeded").isPositive();
            assertThat(export.get(table)).as(table).hasSize(n.intValue());
            for (JsonNode row : export.get(table)) {
                assertThat(row.get("user_id").asString()).as(table).isEqualTo(user.toString());
            }
        });
        CHILD_TABLES.forEach((table, count) -> {
            long n = database.sql(count)
                    .bind("u", user)
                    .map(row -> row.get("n", Long.class))
                    .one()
                    .block(Duration.ofSeconds(30));
            assertThat(n).as(table + " seeded").isPositive();
            assertThat(export.get(table)).as(table).hasSize((int) n);
        });
        assertThat(export.toString()).doesNotContain(other.toString());
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

package io.mita.budget.plan;

import static io.mita.budget.plan.EveOfThisMonth.FIRST_DAY;
import static io.mita.budget.plan.EveOfThisMonth.MONTH;
import static io.mita.budget.support.BudgetPlans.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.support.BudgetClient;
import io.mita.budget.support.ExecutedStatements;
import io.mita.common.outbox.OutboxRelay;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What one create of an expense in a planned month sends to PostgreSQL (issue 9's create → dashboard goal): every
 * statement is a round trip inside the transaction that every later change of the same user-month waits for. The
 * create here takes the longest usual path: idempotency key, the row with its category check (one statement with the
 * key's claim) and its event, the month's redistribution with its changed daily allocations and recorded run (one
 * statement) and its event, and a threshold reached with its event; the three events are written together in one
 * statement at the end.
 */
@MitaIntegrationTest
@Import(EveOfThisMonth.class)
// the driver's log does not say which connection sent a statement: no refresh of the recent erasures meanwhile
@TestPropertySource(properties = "mita.erasure.refresh=1h")
class SpendingChangeStatementsIT {

    /**
     * BEGIN, the key's claim with the row and its category check, the plan's lock, the month's reading, the changed
     * daily allocations with the run and its moves, the threshold's claim, the three events, COMMIT.
     */
    private static final int MOST_STATEMENTS = 8;

    private static final String TRANSACTION_CREATED = "mita.budget.transaction.created.v1";

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DatabaseClient database;

    @Test
    void aCreateThatRedistributesAndReachesAThresholdSendsAFixedSmallNumberOfStatements() {
        // the driver's log does not say which connection sent a statement: no relay pass meanwhile
        relay.stop();
        try {
            assertCreateStatements();
        } finally {
            relay.start();
        }
    }

    private void assertCreateStatements() {
        BudgetClient user = BudgetClient.forANewUser(webTestClient);
        user.put("/api/budget/plans/" + MONTH, plan(), null).expectStatus().isCreated();
        user.spend("50.00", "groceries", FIRST_DAY.toString());
        String key = UUID.randomUUID().toString();

        List<String> statements;
        try (ExecutedStatements executed = ExecutedStatements.capture()) {
            webTestClient
                    .post()
                    .uri("/api/budget/transactions")
                    .header(HttpHeaders.AUTHORIZATION, user.bearer())
                    .header("Idempotency-Key", key)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "type", "EXPENSE",
                            "amount", "300.00",
                            "currency", "EUR",
                            "category", "groceries",
                            "occurredOn", FIRST_DAY.toString()))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            statements = executed.transactionWith("INSERT INTO idempotency_key");
        }

        assertThat(statements)
                .as("the create's transaction, BEGIN to COMMIT")
                .hasSizeLessThanOrEqualTo(MOST_STATEMENTS)
                .anyMatch(sql -> sql.contains("INSERT INTO threshold_reached"));
        assertThat(statements)
                .filteredOn(sql -> sql.contains("INSERT INTO idempotency_key"))
                .as("the key's claim and the row with its category check: one statement")
                .singleElement()
                .matches(sql -> sql.contains("INSERT INTO transaction") && sql.contains("FROM category"));
        assertThat(statements)
                .filteredOn(sql -> sql.contains("UPDATE month_allocation"))
                .as("the daily allocations the run changed, the run and its moves: one statement")
                .singleElement()
                .matches(sql -> sql.contains("INSERT INTO redistribution_run")
                        && sql.contains("INSERT INTO redistribution_move"));
        assertThat(statements)
                .filteredOn(sql -> sql.contains("INSERT INTO outbox_event"))
                .as("the created, redistributed and threshold events: one statement, in the same transaction")
                .hasSize(1);
        assertThat(database.sql("SELECT type FROM outbox_event WHERE subject = :subject ORDER BY seq DESC LIMIT 3")
                        .bind("subject", user.user().toString())
                        .map(row -> row.get("type", String.class))
                        .all()
                        .collectList()
                        .block(Duration.ofSeconds(30)))
                .as("the create's events, newest first")
                .containsExactly(PlanPublisher.THRESHOLD_REACHED, PlanPublisher.REDISTRIBUTED, TRANSACTION_CREATED);
    }

    private static Map<String, Object> plan() {
        return aPlan().withIncome("2000.00")
                .withCategories("groceries", "400.00", "dining", "150.00")
                .json();
    }
}

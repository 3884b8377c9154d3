package io.mita.budget.transaction;

import static io.mita.budget.transaction.BudgetApi.json;
import static io.mita.budget.transaction.BudgetApi.problem;
import static io.mita.budget.transaction.TransactionFixtures.anExpense;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@MitaIntegrationTest
class TransactionOwnershipIT {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    private BudgetApi api;
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new BudgetApi(webTestClient);
    }

    @Test
    void anotherUsersTransactionIsNotFoundForEveryVerbAndStaysUnchanged() {
        UUID annsId = api.createdId(ann, anExpense());
        JsonNode before = json(api.get(ann, annsId).expectStatus().isOk());

        problem(api.get(bob, annsId), 404, "BUDGET_TRANSACTION_NOT_FOUND");
        problem(api.patch(bob, annsId, Map.of("amount", "999.00"), null), 404, "BUDGET_TRANSACTION_NOT_FOUND");
        problem(api.patch(bob, annsId, Map.of("amount", "999.00"), "\"0\""), 404, "BUDGET_TRANSACTION_NOT_FOUND");
        problem(api.delete(bob, annsId), 404, "BUDGET_TRANSACTION_NOT_FOUND");

        assertThat(json(api.get(ann, annsId).expectStatus().isOk())).isEqualTo(before);
        Long events = database.sql("SELECT count(*) AS n FROM outbox_event WHERE data->>'transactionId' = :id")
                .bind("id", annsId.toString())
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
        assertThat(events).as("only the created event").isEqualTo(1);
    }

    @Test
    void aListingShowsOnlyTheCallersTransactions() {
        UUID annsId = api.createdId(ann, anExpense());
        UUID bobsId = api.createdId(bob, anExpense());

        assertThat(json(api.get(bob, BudgetApi.PATH).expectStatus().isOk())
                        .get("items")
                        .findValuesAsString("id"))
                .containsExactly(bobsId.toString());
        assertThat(json(api.get(ann, BudgetApi.PATH).expectStatus().isOk())
                        .get("items")
                        .findValuesAsString("id"))
                .containsExactly(annsId.toString());
    }

    @Test
    void aCursorMadeForOneUserListsNothingOfThatUserForAnother() {
        api.ownCategories(ann, "a");
        api.createdId(ann, anExpense("2025-01-01", "a"));
        api.createdId(ann, anExpense("2025-01-02", "a"));
        String annsCursor = json(api.get(ann, BudgetApi.PATH + "?limit=1")
                        .expectStatus()
                        .isOk())
                .get("nextCursor")
                .asString();

        JsonNode bobsView = json(api.get(bob, BudgetApi.PATH + "?cursor=" + annsCursor)
                .expectStatus()
                .isOk());

        assertThat(bobsView.get("items").size()).isZero();
    }

    @Test
    void idempotencyKeysBelongToOneUser() {
        String key = "shared-key-" + UUID.randomUUID();

        JsonNode annsTransaction =
                json(api.create(ann, key, anExpense()).expectStatus().isCreated());
        JsonNode bobsTransaction =
                json(api.create(bob, key, anExpense()).expectStatus().isCreated());

        assertThat(bobsTransaction.get("id")).isNotEqualTo(annsTransaction.get("id"));
    }
}

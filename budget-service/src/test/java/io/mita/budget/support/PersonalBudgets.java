package io.mita.budget.support;

import static io.mita.budget.support.BudgetClient.json;
import static io.mita.budget.support.BudgetPlans.aPlan;
import static io.mita.budget.support.ReceiptFixtures.aGroceriesReceipt;

import io.mita.budget.inbound.ReceiptTransactions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A user's whole budget, for the tests of erasure and export (the same tables, deleted or read). */
public final class PersonalBudgets {

    /**
     * The table with a {@code user_id} that never holds a row outside the transaction that writes it (V8's notes of
     * the users a transaction wrote, removed at its COMMIT): nothing in it to erase or export.
     */
    public static final String TRANSACTION_LOCAL = "dashboard_change";

    private PersonalBudgets() {}

    /**
     * One user's budget with a row in every table that holds personal data: plan (with its daily allocations, a
     * redistribution and thresholds), own category, transactions (one by Idempotency-Key, one from a receipt), a goal
     * with a contribution and an allocation, a habit with a day done, and the dashboard stored by reading it.
     */
    public static UUID seed(WebTestClient webTestClient, ReceiptTransactions receipts, BudgetClient user) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        user.put(
                        "/api/budget/plans/" + YearMonth.from(today),
                        aPlan().withSavingsTarget("500.00")
                                .withCategories("groceries", "300.00")
                                .json(),
                        null)
                .expectStatus()
                .isCreated();
        user.post("/api/budget/categories", Map.of("name", "Hobbies"))
                .expectStatus()
                .isCreated();
        webTestClient
                .post()
                .uri("/api/budget/transactions")
                .header("Authorization", user.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "type", "EXPENSE",
                        "amount", "250.00",
                        "currency", "EUR",
                        "category", "groceries",
                        "occurredOn", today.toString(),
                        "merchant", "Corner shop"))
                .exchange()
                .expectStatus()
                .isCreated();
        receipts.recordOnce(UUID.randomUUID(), aGroceriesReceipt(user.user(), "Lidl", today, "12.00"))
                .block(Duration.ofSeconds(30));
        String goal = json(user.post(
                                "/api/budget/goals",
                                Map.of(
                                        "name", "Holiday",
                                        "targetAmount", "1000.00",
                                        "currency", "EUR",
                                        "targetDate", today.plusMonths(6).toString()))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
        user.post("/api/budget/goals/" + goal + "/contributions", Map.of("amount", "50.00", "currency", "EUR"))
                .expectStatus()
                .isCreated();
        user.put(
                        "/api/budget/goals/" + goal + "/allocation",
                        Map.of("monthlyAmount", "100.00", "autoTransfer", false),
                        null)
                .expectStatus()
                .isOk();
        String habit = json(user.post(
                                "/api/budget/habits",
                                Map.of("name", "Cook at home", "period", "DAY", "startsOn", today.toString()))
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
        user.post("/api/budget/habits/" + habit + "/completions/" + today, null)
                .expectStatus()
                .isCreated();
        user.get("/api/budget/dashboard").expectStatus().isOk();
        return user.user();
    }
}

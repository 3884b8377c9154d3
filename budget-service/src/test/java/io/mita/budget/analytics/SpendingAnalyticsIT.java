package io.mita.budget.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The analytics aggregates against the real database, fed through the transactions API. */
@MitaIntegrationTest
class SpendingAnalyticsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReactiveTransactionManager transactionManager;

    private WebTestClient web;
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        web = webTestClient.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        expense(user, "2025-01-03", "groceries", "10.00", "EUR");
        expense(user, "2025-01-03", "groceries", "5.50", "EUR");
        expense(user, "2025-01-20", "dining", "20.00", "EUR");
        expense(user, "2025-01-20", "groceries", "1000", "JPY");
        expense(user, "2025-02-28", "dining", "7.00", "EUR");
        transaction(user, "INCOME", "2025-01-31", "other", "3000.00", "EUR");
        String deleted = expense(user, "2025-01-03", "groceries", "500.00", "EUR");
        web.delete()
                .uri("/api/budget/transactions/" + deleted)
                .header("Authorization", bearer(user))
                .exchange()
                .expectStatus()
                .isNoContent();
        expense(UUID.randomUUID(), "2025-01-03", "groceries", "99.00", "EUR");
    }

    @Test
    void spendingPerCategoryPerMonthCountsOnlyTheCallersLiveExpensesPerCurrency() {
        JsonNode answer = get("/api/budget/analytics/categories?from=2025-01&to=2025-03");

        assertThat(answer.get("months")).hasSize(3);
        JsonNode january = answer.get("months").get(0);
        assertThat(january.get("month").asString()).isEqualTo("2025-01");
        assertThat(lines(january.get("categories")))
                .containsExactly("dining EUR 20.00 1", "groceries EUR 15.50 2", "groceries JPY 1000 1");
        assertThat(lines(january.get("totals"))).containsExactly("EUR 35.50 3", "JPY 1000 1");
        assertThat(lines(answer.get("months").get(1).get("categories"))).containsExactly("dining EUR 7.00 1");
        assertThat(answer.get("months").get(2).get("categories")).isEmpty();
    }

    @Test
    void spendingPerDayListsEveryDayOfTheMonth() {
        JsonNode answer = get("/api/budget/analytics/days/2025-01");

        assertThat(answer.get("days")).hasSize(31);
        assertThat(lines(answer.get("days").get(2).get("categories"))).containsExactly("groceries EUR 15.50 2");
        assertThat(lines(answer.get("days").get(19).get("totals"))).containsExactly("EUR 20.00 1", "JPY 1000 1");
        assertThat(answer.get("days").get(30).get("categories"))
                .as("income is no spending")
                .isEmpty();
    }

    /**
     * The aggregates are range scans of an index, never a scan of the whole table: with sequential scans priced
     * out (the test table is small), the plan of each statement as the repository sends it uses an index of the
     * user's transactions.
     */
    @Test
    void bothAggregatesAreIndexScans() {
        for (String sql : List.of(SpendingRepository.BY_MONTH, SpendingRepository.BY_DAY)) {
            List<String> plan = TransactionalOperator.create(transactionManager)
                    .transactional(database.sql("SET LOCAL enable_seqscan = off")
                            .then()
                            .thenMany(Flux.defer(() -> database.sql("EXPLAIN " + sql)
                                    .bind("userId", user)
                                    .bind("from", LocalDate.of(2025, 1, 1))
                                    .bind("to", LocalDate.of(2025, 3, 31))
                                    .map(row -> row.get(0, String.class))
                                    .all())))
                    .collectList()
                    .block(Duration.ofSeconds(10));
            assertThat(String.join("\n", plan))
                    .containsAnyOf("transaction_user_listing", "transaction_user_category_day")
                    .doesNotContain("Seq Scan");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static List<String> lines(JsonNode items) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : items) {
            lines.add((item.has("category") ? item.get("category").asString() + " " : "")
                    + item.get("currency").asString() + " " + item.get("spent").asString() + " "
                    + item.get("expenses").asLong());
        }
        return lines;
    }

    private JsonNode get(String uri) {
        return JSON.readTree(web.get()
                .uri(uri)
                .header("Authorization", bearer(user))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    private String expense(UUID owner, String day, String category, String amount, String currency) {
        return transaction(owner, "EXPENSE", day, category, amount, currency);
    }

    private String transaction(UUID owner, String type, String day, String category, String amount, String currency) {
        String body = web.post()
                .uri("/api/budget/transactions")
                .header("Authorization", bearer(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "type", type,
                        "amount", amount,
                        "currency", currency,
                        "category", category,
                        "occurredOn", day))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body).get("id").asString();
    }

    private static String bearer(UUID owner) {
        return "Bearer " + TestTokens.forUser(owner, "USER");
    }
}

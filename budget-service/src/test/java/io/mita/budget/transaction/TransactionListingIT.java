package io.mita.budget.transaction;

import static io.mita.budget.transaction.BudgetApi.fieldsInError;
import static io.mita.budget.transaction.BudgetApi.json;
import static io.mita.budget.transaction.BudgetApi.problem;
import static io.mita.budget.transaction.TransactionFixtures.anExpense;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@MitaIntegrationTest
class TransactionListingIT {

    @Autowired
    WebTestClient webTestClient;

    private BudgetApi api;
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new BudgetApi(webTestClient);
        api.ownCategories(user, "food", "rent", "bulk", "a");
    }

    /** A created transaction's sort key as PostgreSQL orders it (uuid order is the order of its hex text). */
    record Listed(String occurredOn, String id) {}

    @Test
    void threePagesHoldEveryTransactionOnceNewestFirst() {
        List<Listed> created = new ArrayList<>();
        for (String date : List.of(
                "2025-03-01", "2025-03-02", "2025-03-02", "2025-03-02", "2025-02-27", "2025-03-05", "2025-03-01")) {
            created.add(new Listed(
                    date, api.createdId(user, anExpense(date, "groceries")).toString()));
        }
        List<String> expected = created.stream()
                .sorted(Comparator.comparing(Listed::occurredOn)
                        .thenComparing(Listed::id)
                        .reversed())
                .map(Listed::id)
                .toList();

        List<List<String>> pages = api.pagesOfIds(user, "limit=3");

        assertThat(pages).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(expected);
    }

    @Test
    void aTransactionAddedWhilePagingNeitherRepeatsNorHidesOthers() {
        List<String> ids = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            ids.add(api.createdId(user, anExpense("2025-04-0" + day, "rent")).toString());
        }
        JsonNode first =
                json(api.get(user, BudgetApi.PATH + "?limit=2").expectStatus().isOk());
        String cursor = first.get("nextCursor").asString();

        String newer = api.createdId(user, anExpense("2025-04-09", "rent")).toString();
        String older = api.createdId(user, anExpense("2025-04-03", "rent")).toString();

        List<String> seen = new ArrayList<>(first.get("items").findValuesAsString("id"));
        seen.addAll(api.pagesOfIds(user, "limit=2", cursor).stream()
                .flatMap(List::stream)
                .toList());
        List<String> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        assertThat(seen)
                .doesNotHaveDuplicates()
                .containsSubsequence(newestFirst)
                .contains(older)
                .doesNotContain(newer)
                .hasSize(newestFirst.size() + 1);
    }

    @Test
    void filtersByInclusiveDateRangeAndCategory() {
        String janFood = api.createdId(user, anExpense("2025-01-31", "food")).toString();
        String febFood = api.createdId(user, anExpense("2025-02-01", "food")).toString();
        String febRent = api.createdId(user, anExpense("2025-02-28", "rent")).toString();
        String marFood = api.createdId(user, anExpense("2025-03-01", "food")).toString();

        assertThat(ids("from=2025-02-01&to=2025-02-28")).containsExactly(febRent, febFood);
        assertThat(ids("category=food")).containsExactly(marFood, febFood, janFood);
        assertThat(ids("category=food&from=2025-02-01")).containsExactly(marFood, febFood);
        assertThat(ids("category=food&to=2025-01-31")).containsExactly(janFood);
        assertThat(ids("category=travel")).isEmpty();
    }

    @Test
    void theDefaultPageHoldsFiftyAndTheLastPageHasNoCursor() {
        for (int i = 0; i < 51; i++) {
            api.createdId(user, anExpense("2025-05-01", "bulk"));
        }

        JsonNode first = json(api.get(user, BudgetApi.PATH).expectStatus().isOk());
        assertThat(first.get("items").size()).isEqualTo(50);
        JsonNode last = json(api.get(
                        user,
                        BudgetApi.PATH + "?cursor=" + first.get("nextCursor").asString())
                .expectStatus()
                .isOk());
        assertThat(last.get("items").size()).isEqualTo(1);
        assertThat(last.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void refusesAMalformedCursor() {
        problem(api.get(user, BudgetApi.PATH + "?cursor=not-a-cursor"), 400, "BUDGET_INVALID_CURSOR");
        problem(api.get(user, BudgetApi.PATH + "?cursor=dDF8MjAyNi0wMi0yOA"), 400, "BUDGET_INVALID_CURSOR");
    }

    @Test
    void refusesAnInvertedDateRange() {
        JsonNode refused =
                problem(api.get(user, BudgetApi.PATH + "?from=2025-03-02&to=2025-03-01"), 400, "VALIDATION_FAILED");
        assertThat(refused.get("detail").asString()).contains("from");
    }

    @Test
    void refusesLimitsOutsideOneToTwoHundred() {
        assertThat(fieldsInError(problem(api.get(user, BudgetApi.PATH + "?limit=0"), 400, "VALIDATION_FAILED")))
                .containsExactly("limit");
        assertThat(fieldsInError(problem(api.get(user, BudgetApi.PATH + "?limit=201"), 400, "VALIDATION_FAILED")))
                .containsExactly("limit");
        api.get(user, BudgetApi.PATH + "?limit=200").expectStatus().isOk();
    }

    @Test
    void refusesMalformedParameters() {
        problem(api.get(user, BudgetApi.PATH + "?from=01.02.2025"), 400, "MALFORMED_REQUEST");
        problem(api.get(user, BudgetApi.PATH + "?limit=many"), 400, "MALFORMED_REQUEST");
    }

    private List<String> ids(String query) {
        return json(api.get(user, BudgetApi.PATH + "?" + query).expectStatus().isOk())
                .get("items")
                .findValuesAsString("id");
    }
}

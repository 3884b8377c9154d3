package io.mita.budget.plan;

import static io.mita.budget.plan.EveOfThisMonth.FIRST_DAY;
import static io.mita.budget.plan.EveOfThisMonth.MONTH;
import static io.mita.budget.support.BudgetPlans.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.support.BudgetClient;
import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user-month's category rows stay on the heap pages their plan wrote them to while redistributions rewrite them
 * (V9_3's fillfactor: every update is a HOT update on its own page), so reading the month touches as few pages
 * after a month of changes as after the plan (docs/budget.md, "Persistence and index design"). Without the room,
 * the first update of a row on a full page moved it to another page, and a month ended up scattered.
 */
@MitaIntegrationTest
@Import(EveOfThisMonth.class)
class MonthAllocationPagesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Test
    void aMonthsCategoryRowsStayOnTheirPagesThroughItsRedistributionsAndItsReadTouchesNoMorePages() {
        BudgetClient alice = BudgetClient.forANewUser(webTestClient);
        planTenCategories(alice);
        // other users' months written after hers fill her page up to the fillfactor, as on a server in use
        for (int i = 0; i < 3; i++) {
            planTenCategories(BudgetClient.forANewUser(webTestClient));
        }
        Map<String, String> planned = cells(alice.user());
        long plannedBuffers = buffersOfTheMonthsRead(alice.user());

        // each overspends the first day: the rest of the month's groceries days cover it (the groceries row rewritten)
        for (int i = 0; i < 3; i++) {
            alice.spend("50.00", "groceries", FIRST_DAY.toString());
        }

        Map<String, String> changed = cells(alice.user());
        assertThat(changed.keySet()).isEqualTo(planned.keySet());
        assertThat(changed.entrySet().stream()
                        .filter(row -> !row.getValue().equals(planned.get(row.getKey())))
                        .map(Map.Entry::getKey))
                .as("the category the runs moved")
                .containsExactly("groceries");
        assertThat(pages(changed))
                .as("every category's row on the page the plan wrote it to")
                .isEqualTo(pages(planned));
        assertThat(buffersOfTheMonthsRead(alice.user())).isLessThanOrEqualTo(plannedBuffers);
    }

    /** A plan of 10 categories for this month: 10 rows of ~330 bytes in one insert. */
    private static void planTenCategories(BudgetClient user) {
        user.put(
                        "/api/budget/plans/" + MONTH,
                        aPlan().withIncome("4000.00")
                                .withCategories(
                                        "groceries",
                                        "300.00",
                                        "dining",
                                        "300.00",
                                        "transport",
                                        "300.00",
                                        "housing",
                                        "300.00",
                                        "utilities",
                                        "300.00",
                                        "health",
                                        "300.00",
                                        "entertainment",
                                        "300.00",
                                        "shopping",
                                        "300.00",
                                        "education",
                                        "300.00",
                                        "other",
                                        "300.00")
                                .json(),
                        null)
                .expectStatus()
                .isCreated();
    }

    /** Each category row of the user's month with its page and row version ("page xmin"). */
    private Map<String, String> cells(UUID user) {
        return database.sql("SELECT category AS cell,"
                        + " (ctid::text::point)[0]::bigint || ' ' || xmin::text AS place FROM month_allocation"
                        + " WHERE user_id = :user")
                .bind("user", user)
                .map(row -> Map.entry(row.get("cell", String.class), row.get("place", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block(Duration.ofSeconds(30));
    }

    /** Each row's page alone. */
    private static Map<String, String> pages(Map<String, String> cells) {
        return cells.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, cell -> cell.getValue().split(" ")[0]));
    }

    /** The shared buffers PostgreSQL touched to read the user's month ({@code EXPLAIN (ANALYZE, BUFFERS)}). */
    private long buffersOfTheMonthsRead(UUID user) {
        String text = database.sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + MonthCellRepository.ALLOCATIONS)
                .bind("userId", user)
                .bind("month", FIRST_DAY)
                .map(row -> row.get(0, String.class))
                .one()
                .block(Duration.ofSeconds(30));
        JsonNode plan = JSON.readTree(text).get(0).get("Plan");
        return plan.get("Shared Hit Blocks").asLong()
                + plan.get("Shared Read Blocks").asLong();
    }
}

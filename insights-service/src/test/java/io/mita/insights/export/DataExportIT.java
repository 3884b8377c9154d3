package io.mita.insights.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.insights.inbound.PlanUpdated;
import io.mita.insights.inbound.TransactionRecorded;
import io.mita.insights.support.BudgetEventPublisher;
import io.mita.testsupport.ExportedDocuments;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.PersonalRows;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/insights/me/export} on PostgreSQL: the caller's insights and projections, one array per table
 * with a {@code user_id} (found in the schema) but the rebuild's shadow tables and the erasure tombstone, every row
 * of the caller and nobody else's; 401 without a token.
 */
@MitaIntegrationTest
@TestPropertySource(properties = "mita.insights.consumer-group=insights-projections-export-it")
class DataExportIT {

    /** In the schema with a user_id, not exported: transient copies during a rebuild, and the erasure tombstone. */
    static final Set<String> NOT_EXPORTED =
            Set.of("rebuild_projected_transaction", "rebuild_projected_plan", "erased_user");

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    private final YearMonth month = YearMonth.now(ZoneOffset.UTC);

    @Test
    void theCallerGetsEveryRowOfTheirInsightsAndProjectionsAndNothingOfAnyoneElse() {
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        overspend(user);
        overspend(other);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> PersonalRows.perTable(database, user).get("insight") > 0
                        && PersonalRows.perTable(database, other).get("insight") > 0);

        // the projections settle while events are consumed: compare an export with the rows before and after it
        AtomicReference<JsonNode> export = new AtomicReference<>();
        AtomicReference<Map<String, Long>> rows = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Map<String, Long> before = PersonalRows.perTable(database, user);
            export.set(export(user));
            rows.set(before);
            return before.equals(PersonalRows.perTable(database, user));
        });

        JsonNode document = export.get();
        Map<String, Long> expected = new HashMap<>(rows.get());
        NOT_EXPORTED.forEach(expected::remove);
        ExportedDocuments.assertHoldsExactly(document, "insights", user, expected, other);
        assertThat(document.get("insight")).isNotEmpty();
        assertThat(document.get("projected_transaction")).hasSize(2);
    }

    @Test
    void withoutATokenTheExportIsRefused() {
        web.get().uri("/api/insights/me/export").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode export(UUID user) {
        byte[] body = web.get()
                .uri("/api/insights/me/export")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JsonMapper.builder().build().readTree(body);
    }

    /** A plan and two expenses over it: a HIGH overspend insight. */
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
}

package io.mita.insights.insight;

import static io.mita.testsupport.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mita.insights.inbound.PlanUpdated;
import io.mita.insights.inbound.TransactionRecorded;
import io.mita.insights.support.BudgetEventPublisher;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From budget events to insights through the API: a plan and expenses over it make a HIGH overspend insight,
 * announced once through the outbox without the merchant; only its owner sees or dismisses it (404 for anyone
 * else); a dismissed insight leaves the list, stays dismissed when regenerated and is not announced again.
 */
@MitaIntegrationTest
class InsightFlowIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    private final UUID alice = UUID.randomUUID();
    private final BudgetEventPublisher budget = new BudgetEventPublisher(alice);
    private final YearMonth month = YearMonth.now(ZoneOffset.UTC);

    @AfterEach
    void close() {
        budget.close();
    }

    @Test
    void anOverspentCategoryBecomesAHighInsightOnlyItsOwnerSeesAndDismisses() {
        LocalDate first = month.atDay(1);
        budget.publish(PlanUpdated.TYPE, budget.plan(month, "2000.00", "200.00", Map.of("groceries", "100.00"), 0));
        budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(UUID.randomUUID(), "EXPENSE", "80.00", "groceries", first, "Secret Shop", 0));
        budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(UUID.randomUUID(), "EXPENSE", "70.00", "groceries", first, "Secret Shop", 0));

        JsonNode overspend = awaitInsight("CATEGORY_OVERSPEND", "150.00");
        assertThat(overspend.get("severity").asString()).isEqualTo("HIGH");
        assertThat(overspend.get("evidence").get("over").asString()).isEqualTo("50.00");
        String id = overspend.get("id").asString();
        assertThat(generatedEvents("%")).allSatisfy(data -> assertThat(data).doesNotContainIgnoringCase("secret"));
        List<String> announced = generatedEvents("CATEGORY_OVERSPEND");
        assertThat(announced).singleElement().satisfies(data -> {
            JsonNode event = JSON.readTree(data);
            assertThat(event.get("insightId").asString()).isEqualTo(id);
            assertThat(event.get("kind").asString()).isEqualTo("CATEGORY_OVERSPEND");
            assertThat(event.get("month").asString()).isEqualTo(month.toString());
            assertThat(data).doesNotContainIgnoringCase("secret shop");
        });

        UUID bob = UUID.randomUUID();
        web.get()
                .uri("/api/insights/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(alice)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("CATEGORY_OVERSPEND");
        expectProblem(
                web.get()
                        .uri("/api/insights/" + id)
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(bob)))
                        .exchange(),
                404,
                "INSIGHTS_NOT_FOUND");
        expectProblem(
                web.post()
                        .uri("/api/insights/" + id + "/dismiss")
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(bob)))
                        .exchange(),
                404,
                "INSIGHTS_NOT_FOUND");

        web.post()
                .uri("/api/insights/" + id + "/dismiss")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(alice)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dismissedAt")
                .isNotEmpty();
        assertThat(list().findValues("id")).extracting(JsonNode::asString).doesNotContain(id);

        // a later expense regenerates the month: the insight keeps its id and its dismissal, and is not announced again
        budget.publish(
                TransactionRecorded.CREATED,
                budget.transaction(UUID.randomUUID(), "EXPENSE", "30.00", "groceries", first, "Secret Shop", 0));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        "180.00".equals(get(id).get("evidence").get("spent").asString()));
        assertThat(get(id).get("dismissedAt").isNull()).isFalse();
        assertThat(generatedEvents("CATEGORY_OVERSPEND")).hasSize(1);
    }

    @Test
    void anUnknownOrMalformedIdIsRefused() {
        expectProblem(
                web.get()
                        .uri("/api/insights/" + UUID.randomUUID())
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(alice)))
                        .exchange(),
                404,
                "INSIGHTS_NOT_FOUND");
        expectProblem(
                web.get()
                        .uri("/api/insights/not-a-uuid")
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(alice)))
                        .exchange(),
                400,
                "MALFORMED_REQUEST");
    }

    private JsonNode awaitInsight(String kind, String spent) {
        await().atMost(Duration.ofSeconds(60)).until(() -> find(kind, spent) != null);
        return find(kind, spent);
    }

    private JsonNode find(String kind, String spent) {
        for (JsonNode item : list().get("items")) {
            if (kind.equals(item.get("kind").asString())
                    && spent.equals(item.get("evidence").get("spent").asString())) {
                return item;
            }
        }
        return null;
    }

    private JsonNode list() {
        byte[] body = web.get()
                .uri("/api/insights?month=" + month)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(alice)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }

    private JsonNode get(String id) {
        byte[] body = web.get()
                .uri("/api/insights/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(alice)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }

    /** The data of the insight.generated events of alice in the outbox, of one kind ({@code %}: any). */
    private List<String> generatedEvents(String kind) {
        return database.sql("SELECT data::text AS data FROM outbox_event WHERE subject = :user AND type = :type"
                        + " AND data->>'kind' LIKE :kind")
                .bind("kind", kind)
                .bind("user", alice.toString())
                .bind("type", "mita.insights.insight.generated.v1")
                .map(row -> row.get("data", String.class))
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
    }
}

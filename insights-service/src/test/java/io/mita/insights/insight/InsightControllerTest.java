package io.mita.insights.insight;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The insights endpoints with an in-memory store: month handling, owner-only access and problem+json refusals. */
@MitaWebFluxTest(InsightController.class)
@Import(InsightControllerTest.InMemoryInsights.class)
class InsightControllerTest {

    static final UUID ALICE = UUID.randomUUID();
    static final UUID BOB = UUID.randomUUID();
    static final UUID INSIGHT = UUID.randomUUID();

    /** Alice's one insight of January 2026, dismissible. */
    static final class InMemory implements Insights {

        final Map<UUID, InsightResponse> byId = new ConcurrentHashMap<>();

        InMemory() {
            byId.put(INSIGHT, insight(null));
        }

        @Override
        public Flux<InsightResponse> findByUserAndMonth(UUID userId, YearMonth month) {
            return userId.equals(ALICE) && month.equals(YearMonth.of(2026, 1))
                    ? Flux.fromIterable(byId.values()).filter(i -> i.dismissedAt() == null)
                    : Flux.empty();
        }

        @Override
        public Mono<InsightResponse> findOwned(UUID id, UUID userId) {
            return userId.equals(ALICE) ? Mono.justOrEmpty(byId.get(id)) : Mono.empty();
        }

        @Override
        public Mono<InsightResponse> dismiss(UUID id, UUID userId, OffsetDateTime at) {
            return findOwned(id, userId).map(found -> {
                InsightResponse dismissed = insight(found.dismissedAt() == null ? at : found.dismissedAt());
                byId.put(id, dismissed);
                return dismissed;
            });
        }

        static InsightResponse insight(OffsetDateTime dismissedAt) {
            OffsetDateTime at = OffsetDateTime.of(2026, 1, 31, 8, 0, 0, 0, ZoneOffset.UTC);
            return new InsightResponse(
                    INSIGHT,
                    "2026-01",
                    "CATEGORY_OVERSPEND",
                    "HIGH",
                    "Over budget: groceries",
                    "You spent 432.50 EUR on groceries, 32.50 EUR more than the 400.00 EUR planned (108.1 %).",
                    "Groceries went 32.50 EUR over the plan this month.",
                    "{\"category\":\"groceries\",\"over\":\"32.50\"}",
                    at,
                    at,
                    dismissedAt);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryInsights {

        @Bean
        InsightService insightService() {
            return new InsightService(new InMemory(), Clock.systemUTC());
        }
    }

    @Autowired
    WebTestClient web;

    @Test
    void answersTheCallersInsightsOfTheMonthAsked() {
        call(ALICE, "/api/insights?month=2026-01")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.month")
                .isEqualTo("2026-01")
                .jsonPath("$.items[0].kind")
                .isEqualTo("CATEGORY_OVERSPEND")
                .jsonPath("$.items[0].severity")
                .isEqualTo("HIGH")
                .jsonPath("$.items[0].evidence.over")
                .isEqualTo("32.50");
    }

    @Test
    void withoutAMonthItIsTheCurrentOne() {
        call(ALICE, "/api/insights")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.month")
                .isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
    }

    @Test
    void aMonthThatIsNotYyyyMmIs400InvalidMonth() {
        expectProblem(call(ALICE, "/api/insights?month=2026-13"), 400, "INSIGHTS_INVALID_MONTH");
        expectProblem(call(ALICE, "/api/insights?month=January"), 400, "INSIGHTS_INVALID_MONTH");
        expectProblem(call(ALICE, "/api/insights?month=+12026-01"), 400, "INSIGHTS_INVALID_MONTH");
    }

    @Test
    void theOwnerGetsAnInsightAndAnyoneElse404() {
        call(ALICE, "/api/insights/" + INSIGHT)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Over budget: groceries");
        expectProblem(call(BOB, "/api/insights/" + INSIGHT), 404, "INSIGHTS_NOT_FOUND");
        expectProblem(call(ALICE, "/api/insights/" + UUID.randomUUID()), 404, "INSIGHTS_NOT_FOUND");
    }

    @Test
    void onlyTheOwnerDismissesAndADismissedInsightLeavesTheList() {
        expectProblem(dismiss(BOB, INSIGHT), 404, "INSIGHTS_NOT_FOUND");
        call(ALICE, "/api/insights?month=2026-01")
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(1);

        dismiss(ALICE, INSIGHT)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.dismissedAt")
                .isNotEmpty();

        call(ALICE, "/api/insights?month=2026-01")
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(0);
        dismiss(ALICE, INSIGHT).expectStatus().isOk();
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        expectProblem(web.get().uri("/api/insights").exchange(), 401, "AUTH_UNAUTHENTICATED");
        expectProblem(web.post().uri("/api/insights/" + INSIGHT + "/dismiss").exchange(), 401, "AUTH_UNAUTHENTICATED");
    }

    private WebTestClient.ResponseSpec call(UUID user, String uri) {
        return web.get()
                .uri(uri)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }

    private WebTestClient.ResponseSpec dismiss(UUID user, UUID id) {
        return web.post()
                .uri("/api/insights/" + id + "/dismiss")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }
}

package io.mita.insights.insight;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** The insights endpoint with an in-memory store: month handling and problem+json refusals. */
@MitaWebFluxTest(InsightController.class)
@Import(InsightControllerTest.InMemoryInsights.class)
class InsightControllerTest {

    static final UUID ALICE = UUID.randomUUID();

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryInsights {

        @Bean
        InsightService insightService() {
            Insights stored = (userId, month) -> userId.equals(ALICE) && month.equals(YearMonth.of(2026, 1))
                    ? Flux.just(new InsightResponse(
                            UUID.randomUUID(),
                            "SPENDING_SPIKE",
                            "INFO",
                            "More on groceries than usual.",
                            "{\"category\":\"groceries\"}",
                            OffsetDateTime.of(2026, 1, 31, 8, 0, 0, 0, ZoneOffset.UTC)))
                    : Flux.empty();
            return new InsightService(stored, java.time.Clock.systemUTC());
        }
    }

    @Autowired
    WebTestClient web;

    @Test
    void answersTheCallersInsightsOfTheMonthAsked() {
        insights(ALICE, "?month=2026-01")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.month")
                .isEqualTo("2026-01")
                .jsonPath("$.items[0].kind")
                .isEqualTo("SPENDING_SPIKE")
                .jsonPath("$.items[0].evidence.category")
                .isEqualTo("groceries");
    }

    @Test
    void withoutAMonthItIsTheCurrentOne() {
        insights(ALICE, "")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.month")
                .isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
    }

    @Test
    void aMonthThatIsNotYyyyMmIs400InvalidMonth() {
        expectProblem(insights(ALICE, "?month=2026-13"), 400, "INSIGHTS_INVALID_MONTH");
        expectProblem(insights(ALICE, "?month=January"), 400, "INSIGHTS_INVALID_MONTH");
    }

    @Test
    void withoutTokenTheAnswerIs401() {
        expectProblem(web.get().uri("/api/insights").exchange(), 401, "AUTH_UNAUTHENTICATED");
    }

    private WebTestClient.ResponseSpec insights(UUID user, String query) {
        return web.get()
                .uri("/api/insights" + query)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }
}

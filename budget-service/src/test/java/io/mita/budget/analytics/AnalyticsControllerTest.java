package io.mita.budget.analytics;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** The analytics endpoints' refusals and the shape of an empty answer, without a database. */
@MitaWebFluxTest(AnalyticsController.class)
@Import(AnalyticsControllerTest.NoSpending.class)
class AnalyticsControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class NoSpending {

        @Bean
        SpendingAnalytics spendingAnalytics() {
            return new SpendingAnalytics(new SpendingRepository(null) {
                @Override
                Flux<SpendingRow> byMonth(UUID userId, LocalDate from, LocalDate to) {
                    return Flux.empty();
                }

                @Override
                Flux<SpendingRow> byDay(UUID userId, LocalDate from, LocalDate to) {
                    return Flux.empty();
                }
            });
        }
    }

    @Autowired
    WebTestClient web;

    @Test
    void aRangeOfTwentyFourMonthsAnswersEveryMonth() {
        get("/categories?from=2025-01&to=2026-12")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.months.length()")
                .isEqualTo(24)
                .jsonPath("$.months[23].month")
                .isEqualTo("2026-12");
    }

    @Test
    void aRangeLongerThanTwentyFourMonthsIs422() {
        expectProblem(get("/categories?from=2025-01&to=2027-01"), 422, "BUDGET_ANALYTICS_RANGE_INVALID");
    }

    @Test
    void aReversedRangeIs422() {
        expectProblem(get("/categories?from=2026-03&to=2026-01"), 422, "BUDGET_ANALYTICS_RANGE_INVALID");
    }

    @Test
    void aMonthThatIsNotYearDashMonthIs400() {
        expectProblem(get("/categories?from=2026-13&to=2026-12"), 400, "MALFORMED_REQUEST");
        expectProblem(get("/days/2026-1"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aMissingBoundIs400() {
        expectProblem(get("/categories?from=2026-01"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aMonthBefore1900Is422() {
        expectProblem(get("/days/1899-12"), 422, "BUDGET_ANALYTICS_RANGE_INVALID");
    }

    @Test
    void theDaysOfAMonthAreAllListed() {
        get("/days/2026-02")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.month")
                .isEqualTo("2026-02")
                .jsonPath("$.days.length()")
                .isEqualTo(28);
    }

    @Test
    void withoutATokenIs401() {
        expectProblem(
                web.get().uri(AnalyticsController.PATH + "/days/2026-02").exchange(), 401, "AUTH_UNAUTHENTICATED");
    }

    private WebTestClient.ResponseSpec get(String path) {
        return web.get()
                .uri(AnalyticsController.PATH + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser(UUID.randomUUID(), "USER"))
                .exchange();
    }
}

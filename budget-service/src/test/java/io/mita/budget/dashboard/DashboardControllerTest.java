package io.mita.budget.dashboard;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.budget.plan.PlannedMonth;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/budget/dashboard}: its answer and refusals, over fake sources (today 10 March 2026). */
@MitaWebFluxTest(DashboardController.class)
@Import(DashboardControllerTest.FakeSources.class)
class DashboardControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class FakeSources {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        DashboardService dashboardService(Clock clock, JsonMapper json) {
            long[] planned = new long[31];
            planned[9] = 1_250;
            DashboardBody body = new DashboardBody(json);
            return new DashboardService(
                    (user, day) -> Mono.just(body.renderedParts(
                            new DashboardParts(
                                    new PlannedMonth(
                                            day.month(),
                                            Currency.getInstance("EUR"),
                                            Map.of("groceries", planned),
                                            Map.of("groceries", new long[31])),
                                    List.of(new DashboardTransaction(
                                            UUID.randomUUID(),
                                            "EXPENSE",
                                            "3.20",
                                            "EUR",
                                            "dining",
                                            LocalDate.of(2026, 3, 9),
                                            "Cafe")),
                                    List.of(),
                                    List.of()),
                            day.today())),
                    body,
                    clock);
        }
    }

    @Autowired
    WebTestClient web;

    private final UUID user = UUID.randomUUID();

    @Test
    void theDashboardAnswersTodayInUtcByDefault() {
        get(DashboardController.PATH)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.today")
                .isEqualTo("2026-03-10")
                .jsonPath("$.zone")
                .isEqualTo("UTC")
                .jsonPath("$.month")
                .isEqualTo("2026-03")
                .jsonPath("$.budget.safeToSpendToday")
                .isEqualTo("12.50")
                .jsonPath("$.budget.categories[0].planned")
                .isEqualTo("12.50")
                .jsonPath("$.latestTransactions[0].merchant")
                .isEqualTo("Cafe")
                .jsonPath("$.nextGoals.length()")
                .isEqualTo(0)
                .jsonPath("$.habits.length()")
                .isEqualTo(0);
    }

    @Test
    void aZoneMovesToday() {
        get(DashboardController.PATH + "?zone=America/Los_Angeles")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.today")
                .isEqualTo("2026-03-10")
                .jsonPath("$.zone")
                .isEqualTo("America/Los_Angeles")
                .jsonPath("$.budget.safeToSpendToday")
                .isEqualTo("12.50");
        get(DashboardController.PATH + "?zone=Pacific/Pago_Pago")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.today")
                .isEqualTo("2026-03-09")
                .jsonPath("$.budget.safeToSpendToday")
                .isEqualTo("0.00");
    }

    @Test
    void anUnknownZoneIs400() {
        expectProblem(get(DashboardController.PATH + "?zone=Mars/Olympus_Mons"), 400, "VALIDATION_FAILED");
        expectProblem(get(DashboardController.PATH + "?zone=%20"), 400, "VALIDATION_FAILED");
        expectProblem(get(DashboardController.PATH + "?zone=" + "A".repeat(65)), 400, "VALIDATION_FAILED");
    }

    @Test
    void aRequestWithoutTokenIs401() {
        expectProblem(web.get().uri(DashboardController.PATH).exchange(), 401, "AUTH_UNAUTHENTICATED");
    }

    private WebTestClient.ResponseSpec get(String uri) {
        return web.get()
                .uri(uri)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user, "USER")))
                .exchange();
    }
}

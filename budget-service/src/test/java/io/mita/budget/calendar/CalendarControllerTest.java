package io.mita.budget.calendar;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.budget.plan.PlannedMonth;
import io.mita.budget.plan.PlannedMonths;
import io.mita.common.problem.ProblemException;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/** {@code GET /api/budget/calendar/{yyyy-MM}}: its answer and refusals, over a fake planned month (March 2026). */
@MitaWebFluxTest(CalendarController.class)
@Import(CalendarControllerTest.FakeMonths.class)
class CalendarControllerTest {

    static final YearMonth PLANNED = YearMonth.of(2026, 3);

    @TestConfiguration(proxyBeanMethods = false)
    static class FakeMonths {

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        CalendarService calendarService(Clock clock) {
            PlannedMonths months = (user, month) -> month.equals(PLANNED)
                    ? Mono.just(new PlannedMonth(
                            month,
                            Currency.getInstance("EUR"),
                            Map.of("groceries", new long[31]),
                            Map.of("groceries", new long[31])))
                    : Mono.error(
                            new ProblemException(HttpStatus.NOT_FOUND, "PLAN_NOT_FOUND", "Plan not found", "none"));
            return new CalendarService(months, clock);
        }
    }

    @Autowired
    WebTestClient web;

    private final UUID user = UUID.randomUUID();

    @Test
    void aPlannedMonthAnswersEveryDay() {
        get("2026-03")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.days.length()")
                .isEqualTo(31)
                .jsonPath("$.today")
                .isEqualTo("2026-03-10")
                .jsonPath("$.days[0].categories[0].category")
                .isEqualTo("groceries")
                .jsonPath("$.days[0].safeToSpend")
                .isEqualTo("0.00");
    }

    @Test
    void aMonthWithoutPlanIs404() {
        expectProblem(get("2026-04"), 404, "PLAN_NOT_FOUND");
    }

    @Test
    void aMonthThatIsNoMonthIs400() {
        expectProblem(get("march"), 400, "VALIDATION_FAILED");
    }

    @Test
    void aMonthOutOfRangeIs422() {
        expectProblem(get("1999-01"), 422, "PLAN_MONTH_OUT_OF_RANGE");
        expectProblem(get("2027-04"), 422, "PLAN_MONTH_OUT_OF_RANGE");
    }

    @Test
    void aRequestWithoutTokenIs401() {
        expectProblem(web.get().uri(CalendarController.PATH + "/2026-03").exchange(), 401, "AUTH_UNAUTHENTICATED");
    }

    private WebTestClient.ResponseSpec get(String month) {
        return web.get()
                .uri(CalendarController.PATH + "/" + month)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user, "USER")))
                .exchange();
    }
}

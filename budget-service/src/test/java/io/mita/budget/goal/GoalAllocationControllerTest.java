package io.mita.budget.goal;

import static io.mita.budget.goal.GoalFixtures.aDraft;
import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.budget.support.RecordingOutbox;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/budget/goals/{id}/allocation}: every refusal as problem+json, with the use cases on in-memory fakes. */
@MitaWebFluxTest(GoalAllocationController.class)
@Import(GoalAllocationControllerTest.InMemoryUseCases.class)
class GoalAllocationControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryUseCases {

        final InMemoryGoals goals = new InMemoryGoals();
        final InMemoryGoalContributions contributions = new InMemoryGoalContributions();
        final InMemoryPlanSavingsTargets plans = new InMemoryPlanSavingsTargets();

        @Bean
        InMemoryUseCases fakes() {
            return this;
        }

        @Bean
        GoalService goalService() {
            return new GoalService(
                    goals,
                    contributions,
                    new GoalPublisher(new RecordingOutbox()),
                    new InlineTransactions(),
                    Clock.systemUTC());
        }

        @Bean
        GoalAllocationService goalAllocationService() {
            return new GoalAllocationService(
                    goals,
                    new InMemoryGoalAllocations(goals, contributions),
                    plans,
                    new InlineTransactions(),
                    Clock.systemUTC());
        }
    }

    @Autowired
    WebTestClient web;

    @Autowired
    GoalService goals;

    @Autowired
    InMemoryUseCases fakes;

    private final UUID user = UUID.randomUUID();
    private final YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);

    @Test
    void anAllocationWithinTheSavingsTargetIsAnsweredWithWhatIsLeft() {
        fakes.plans.plan(user, thisMonth, "EUR", "500.00");
        UUID goal = goal("EUR");

        put(goal, allocation("120.5", true), user)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.monthlyAmount")
                .isEqualTo("120.50")
                .jsonPath("$.autoTransfer")
                .isEqualTo(true)
                .jsonPath("$.available")
                .isEqualTo("379.50")
                .jsonPath("$.month")
                .isEqualTo(thisMonth.toString());
    }

    @Test
    void aMissingAmountOrFlagIs400NamingIt() {
        UUID goal = goal("EUR");
        Map<String, Object> noFlag = new HashMap<>(Map.of("monthlyAmount", "10.00"));

        expectProblem(put(goal, noFlag, user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("autoTransfer");
        expectProblem(put(goal, Map.of("autoTransfer", true), user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("monthlyAmount");
    }

    @Test
    void aNegativeOrTooPreciseAmountIs400() {
        fakes.plans.plan(user, thisMonth, "EUR", "500.00");
        UUID goal = goal("EUR");

        expectProblem(put(goal, allocation("-1.00", false), user), 400, "VALIDATION_FAILED");
        expectProblem(put(goal, allocation("1.001", false), user), 400, "VALIDATION_FAILED");
    }

    @Test
    void moreThanTheSavingsTargetIs422() {
        fakes.plans.plan(user, thisMonth, "EUR", "500.00");
        UUID goal = goal("EUR");

        expectProblem(put(goal, allocation("500.01", true), user), 422, "GOAL_ALLOCATION_EXCEEDS_SAVINGS");
    }

    @Test
    void withoutAPlanThisMonthIs422() {
        UUID goal = goal("EUR");

        expectProblem(put(goal, allocation("10.00", true), user), 422, "GOAL_NO_PLAN");
    }

    @Test
    void aPlanInAnotherCurrencyIs422() {
        fakes.plans.plan(user, thisMonth, "USD", "500.00");
        UUID goal = goal("EUR");

        expectProblem(put(goal, allocation("10.00", true), user), 422, "GOAL_CURRENCY_MISMATCH");
    }

    @Test
    void aCompletedGoalIs409() {
        fakes.plans.plan(user, thisMonth, "EUR", "500.00");
        UUID goal = goal("EUR");
        goals.complete(user, goal).block();

        expectProblem(put(goal, allocation("10.00", true), user), 409, "GOAL_ALREADY_COMPLETED");
    }

    @Test
    void anotherUsersOrAnUnknownGoalIs404() {
        UUID other = UUID.randomUUID();
        fakes.plans.plan(other, thisMonth, "EUR", "500.00");
        UUID goal = goal("EUR");

        expectProblem(put(goal, allocation("10.00", true), other), 404, "GOAL_NOT_FOUND");
        expectProblem(put(UUID.randomUUID(), allocation("10.00", true), user), 404, "GOAL_NOT_FOUND");
        expectProblem(
                web.delete()
                        .uri(GoalController.PATH + "/" + goal + "/allocation")
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(other)))
                        .exchange(),
                404,
                "GOAL_NOT_FOUND");
    }

    @Test
    void anAllocationIsRemovedWith204() {
        fakes.plans.plan(user, thisMonth, "EUR", "500.00");
        UUID goal = goal("EUR");
        put(goal, allocation("10.00", true), user).expectStatus().isOk();

        web.delete()
                .uri(GoalController.PATH + "/" + goal + "/allocation")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private UUID goal(String currency) {
        GoalDraft draft = aDraft("1200.00", LocalDate.now(ZoneOffset.UTC).plusYears(1));
        return goals.create(
                        user,
                        new GoalDraft(
                                draft.name(),
                                io.mita.budget.money.Money.parse("1200.00", currency),
                                draft.targetDate(),
                                null,
                                null))
                .block()
                .id();
    }

    private static Map<String, Object> allocation(String amount, boolean autoTransfer) {
        return Map.of("monthlyAmount", amount, "autoTransfer", autoTransfer);
    }

    private WebTestClient.ResponseSpec put(UUID goal, Map<String, Object> body, UUID caller) {
        return web.put()
                .uri(GoalController.PATH + "/" + goal + "/allocation")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(caller)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}

package io.mita.budget.plan;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.budget.category.CategoryKind;
import io.mita.budget.category.UnknownCategoryException;
import io.mita.budget.support.InlineTransactions;
import io.mita.budget.support.RecordingOutbox;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Every answer of {@code /api/budget/plans}, the refusals above all, with the use cases on in-memory stores.
 * Today is 10 March 2026 (UTC): months from 2000-01 to 2027-03 are in range.
 */
@MitaWebFluxTest(PlanController.class)
@Import(PlanControllerTest.InMemoryUseCases.class)
class PlanControllerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryUseCases {

        @Bean
        Clock clock() {
            return CLOCK;
        }

        @Bean
        PlanService planService() {
            InMemoryPlans plans = new InMemoryPlans();
            InMemoryRedistributionRuns runs = new InMemoryRedistributionRuns();
            PlanPublisher publisher = new PlanPublisher(new RecordingOutbox());
            Set<String> active = Set.of("groceries", "dining", "transport");
            return new PlanService(
                    plans,
                    (user, category) -> active.contains(category.strip().toLowerCase())
                            ? Mono.just(category.strip().toLowerCase())
                            : Mono.error(new UnknownCategoryException(category)),
                    new Rebalancing(
                            plans,
                            new InMemoryMonthCells(),
                            runs,
                            user -> Mono.just(Map.of("groceries", CategoryKind.ESSENTIAL)),
                            publisher,
                            CLOCK),
                    runs,
                    publisher,
                    new InlineTransactions(),
                    CLOCK);
        }
    }

    @Autowired
    WebTestClient web;

    private final UUID user = UUID.randomUUID();

    @Test
    void aNewPlanIs201WithItsLocationAndVersionTagAndChangesWithThatTag() {
        put("2026-03", aPlan(), null)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, PlanController.PATH + "/2026-03")
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.income")
                .isEqualTo("2500.00")
                .jsonPath("$.unallocated")
                .isEqualTo("750.00")
                .jsonPath("$.categories[0].category")
                .isEqualTo("groceries");

        put("2026-03", with(aPlan(), "income", "2600"), "\"0\"")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"");
        get("2026-03").expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
    }

    @Test
    void changingAnExistingPlanWithoutIfMatchIs428() {
        put("2026-03", aPlan(), null).expectStatus().isCreated();

        expectProblem(put("2026-03", aPlan(), null), 428, "PLAN_PRECONDITION_REQUIRED");
    }

    @Test
    void aStaleIfMatchIs412() {
        put("2026-03", aPlan(), null).expectStatus().isCreated();
        put("2026-03", with(aPlan(), "income", "2600"), "\"0\"").expectStatus().isOk();

        expectProblem(put("2026-03", aPlan(), "\"0\""), 412, "PLAN_VERSION_MISMATCH");
    }

    @Test
    void anIfMatchThatIsNoTagOfOursIs400() {
        expectProblem(put("2026-03", aPlan(), "version-7"), 400, "VALIDATION_FAILED");
    }

    @Test
    void aMonthThatIsNoMonthIs400() {
        expectProblem(get("2026-13"), 400, "VALIDATION_FAILED");
        expectProblem(get("26-03"), 400, "VALIDATION_FAILED");
    }

    @Test
    void aMonthBefore2000OrMoreThan12MonthsAheadIs422() {
        expectProblem(get("1999-12"), 422, "PLAN_MONTH_OUT_OF_RANGE");
        expectProblem(put("2027-04", aPlan(), null), 422, "PLAN_MONTH_OUT_OF_RANGE");
        put("2027-03", aPlan(), null).expectStatus().isCreated();
    }

    @Test
    void aMonthWithoutPlanIs404() {
        expectProblem(get("2026-02"), 404, "PLAN_NOT_FOUND");
    }

    @Test
    void aNegativeAmountIs400NamingTheLine() {
        expectProblem(put("2026-03", withCategory(aPlan(), 0, "amount", "-1.00"), null), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("categories[0].amount");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasIs400() {
        expectProblem(put("2026-03", with(aPlan(), "income", "2500.005"), null), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("income");
    }

    @Test
    void anAmountAboveOneTrillionIs400() {
        expectProblem(
                        put("2026-03", with(aPlan(), "savingsTarget", "1000000000000.01"), null),
                        400,
                        "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("savingsTarget");
    }

    @Test
    void anUnknownCurrencyIs400() {
        expectProblem(put("2026-03", with(aPlan(), "currency", "EURO"), null), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("currency");
    }

    @Test
    void aMissingIncomeIs400() {
        Map<String, Object> plan = aPlan();
        plan.remove("income");
        expectProblem(put("2026-03", plan, null), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("income");
    }

    @Test
    void aCategoryNamedTwiceIs400() {
        Map<String, Object> plan = with(
                aPlan(),
                "categories",
                List.of(
                        Map.of("category", "groceries", "amount", "10"),
                        Map.of("category", "Groceries", "amount", "10")));
        expectProblem(put("2026-03", plan, null), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("categories[1].category");
    }

    @Test
    void weekdayWeightsOutOfRangeOrAllZeroAre400() {
        expectProblem(
                put("2026-03", withCategory(aPlan(), 0, "weekdayWeights", Map.of("SATURDAY", 101)), null),
                400,
                "VALIDATION_FAILED");
        Map<String, Integer> allZero = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            allZero.put(day, 0);
        }
        expectProblem(
                put("2026-03", withCategory(aPlan(), 0, "weekdayWeights", allZero), null), 400, "VALIDATION_FAILED");
    }

    @Test
    void aWeekdayThatIsNoWeekdayIs400Malformed() {
        expectProblem(
                put("2026-03", withCategory(aPlan(), 0, "weekdayWeights", Map.of("FUNDAY", 2)), null),
                400,
                "MALFORMED_REQUEST");
    }

    @Test
    void weekdayWeightsAreAnsweredForEveryDay() {
        put("2026-03", withCategory(aPlan(), 0, "weekdayWeights", Map.of("SATURDAY", 2)), null)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.categories[0].weekdayWeights.SATURDAY")
                .isEqualTo(2)
                .jsonPath("$.categories[0].weekdayWeights.MONDAY")
                .isEqualTo(1);
    }

    @Test
    void allocationsAboveWhatIsLeftAre422UnlessDeliberate() {
        Map<String, Object> over = withCategory(aPlan(), 0, "amount", "1300.01");
        expectProblem(put("2026-03", over, null), 422, "PLAN_OVER_ALLOCATED");

        put("2026-03", with(over, "allowOverAllocation", true), null)
                .expectStatus()
                .isCreated();
    }

    @Test
    void anUnknownCategoryIs422() {
        expectProblem(put("2026-03", withCategory(aPlan(), 0, "category", "travel"), null), 422, "UNKNOWN_CATEGORY");
    }

    @Test
    void aLineInAnotherCurrencyIs422() {
        expectProblem(put("2026-03", withCategory(aPlan(), 0, "currency", "USD"), null), 422, "PLAN_CURRENCY_MISMATCH");
    }

    @Test
    void copyPreviousNeedsAPreviousPlanAndNoPlanYet() {
        expectProblem(post("2026-04/copy-previous"), 404, "PLAN_NOT_FOUND");
        put("2026-03", aPlan(), null).expectStatus().isCreated();

        post("2026-04/copy-previous")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.month")
                .isEqualTo("2026-04");
        expectProblem(post("2026-04/copy-previous"), 409, "PLAN_ALREADY_EXISTS");
    }

    @Test
    void theSuggestionNeedsAValidIncome() {
        get("2026-03/suggestion?income=3000")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.savingsTarget")
                .isEqualTo("600.00")
                .jsonPath("$.unallocated")
                .isEqualTo("0.00")
                .jsonPath("$.version")
                .doesNotExist();
        expectProblem(get("2026-03/suggestion"), 400, "VALIDATION_FAILED");
        expectProblem(get("2026-03/suggestion?income=abc"), 400, "VALIDATION_FAILED");
        expectProblem(get("2026-03/suggestion?income=10&currency=XXX"), 400, "VALIDATION_FAILED");
    }

    @Test
    void redistributionNeedsAPlan() {
        expectProblem(post("2026-03/redistribute"), 404, "PLAN_NOT_FOUND");
        expectProblem(get("2026-03/redistributions"), 404, "PLAN_NOT_FOUND");
        put("2026-03", aPlan(), null).expectStatus().isCreated();

        post("2026-03/redistribute")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.trigger")
                .isEqualTo("ON_DEMAND");
        get("2026-03/redistributions")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$")
                .isArray();
    }

    @Test
    void anotherUsersPlanIs404() {
        put("2026-03", aPlan(), null).expectStatus().isCreated();

        expectProblem(
                web.get()
                        .uri(PlanController.PATH + "/2026-03")
                        .headers(headers -> headers.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), "USER")))
                        .exchange(),
                404,
                "PLAN_NOT_FOUND");
    }

    @Test
    void aRequestWithoutTokenIs401() {
        expectProblem(web.get().uri(PlanController.PATH + "/2026-03").exchange(), 401, "AUTH_UNAUTHENTICATED");
    }

    /** Income 2,500, rent 900, savings 300, groceries 400, dining 150: 750 left. */
    static Map<String, Object> aPlan() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("income", "2500.00");
        plan.put("currency", "EUR");
        plan.put("savingsTarget", "300.00");
        plan.put("commitments", List.of(Map.of("name", "Rent", "amount", "900.00")));
        plan.put(
                "categories",
                List.of(
                        new HashMap<>(Map.of("category", "groceries", "amount", "400.00")),
                        new HashMap<>(Map.of("category", "dining", "amount", "150.00"))));
        return plan;
    }

    static Map<String, Object> with(Map<String, Object> plan, String member, Object value) {
        Map<String, Object> changed = new HashMap<>(plan);
        changed.put(member, value);
        return changed;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withCategory(Map<String, Object> plan, int index, String member, Object value) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (Object line : (List<Object>) plan.get("categories")) {
            lines.add(new HashMap<>((Map<String, Object>) line));
        }
        lines.get(index).put(member, value);
        return with(plan, "categories", lines);
    }

    private WebTestClient.ResponseSpec put(String month, Map<String, Object> body, String ifMatch) {
        return web.put()
                .uri(PlanController.PATH + "/" + month)
                .headers(this::authorised)
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String path) {
        return web.get()
                .uri(PlanController.PATH + "/" + path)
                .headers(this::authorised)
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String path) {
        return web.post()
                .uri(PlanController.PATH + "/" + path)
                .headers(this::authorised)
                .exchange();
    }

    private void authorised(HttpHeaders headers) {
        headers.setBearerAuth(TestTokens.forUser(user, "USER"));
    }
}

package io.mita.budget.goal;

import static io.mita.budget.goal.GoalFixtures.aContribution;
import static io.mita.budget.goal.GoalFixtures.aGoal;
import static io.mita.budget.goal.GoalFixtures.with;
import static io.mita.budget.goal.GoalFixtures.without;
import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.budget.support.RecordingOutbox;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The goal API's validation and problem+json answers with the use cases on in-memory fakes: status,
 * {@code code} and content type of every refusal, without PostgreSQL or Kafka.
 */
@MitaWebFluxTest(GoalController.class)
@Import(GoalControllerTest.InMemoryUseCases.class)
class GoalControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryUseCases {

        private final InMemoryGoals goals = new InMemoryGoals();
        private final InMemoryGoalContributions contributions = new InMemoryGoalContributions();
        private final GoalPublisher publisher = new GoalPublisher(new RecordingOutbox());

        @Bean
        GoalService goalService() {
            return new GoalService(goals, contributions, publisher, new InlineTransactions(), Clock.systemUTC());
        }

        @Bean
        GoalContributionService goalContributionService() {
            return new GoalContributionService(
                    goals, contributions, publisher, new InlineTransactions(), Clock.systemUTC());
        }
    }

    private static final String PATH = GoalController.PATH;

    @Autowired
    WebTestClient web;

    private final UUID user = UUID.randomUUID();

    @Test
    void aValidGoalIsCreatedWithItsLocationVersionTagAndProgress() {
        post(PATH, aGoal(), user)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, PATH + "/[0-9a-f-]{36}")
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE")
                .jsonPath("$.targetAmount")
                .isEqualTo("1200.00")
                .jsonPath("$.progress.saved")
                .isEqualTo("0.00")
                .jsonPath("$.progress.remaining")
                .isEqualTo("1200.00")
                .jsonPath("$.progress.percent")
                .isEqualTo(0.0);
    }

    @Test
    void aMissingNameIs400NamingTheField() {
        expectProblem(post(PATH, without(aGoal(), "name"), user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void aBlankNameIs400() {
        expectProblem(post(PATH, with(aGoal(), "name", "   "), user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void aTargetOfZeroIs400NamingTheTargetAmount() {
        expectProblem(post(PATH, with(aGoal(), "targetAmount", "0"), user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("targetAmount");
    }

    @Test
    void aNegativeTargetIs400() {
        expectProblem(post(PATH, with(aGoal(), "targetAmount", "-5.00"), user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("targetAmount");
    }

    @Test
    void aTargetWithMoreDecimalsThanTheCurrencyHasIs400() {
        expectProblem(post(PATH, with(aGoal(), "targetAmount", "10.001"), user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("targetAmount");
    }

    @Test
    void aTargetAboveOneTrillionIs400() {
        expectProblem(post(PATH, with(aGoal(), "targetAmount", "1000000000000.01"), user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("targetAmount");
    }

    @Test
    void anUnknownCurrencyIs400NamingTheCurrency() {
        expectProblem(post(PATH, with(aGoal(), "currency", "ABC"), user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("currency");
    }

    @Test
    void aTargetDateInThePastIs422() {
        expectProblem(
                post(
                        PATH,
                        with(aGoal(), "targetDate", LocalDate.now().minusDays(3).toString()),
                        user),
                422,
                "GOAL_TARGET_DATE_IN_PAST");
    }

    @Test
    void aTargetDateMoreThanAHundredYearsAheadIs422() {
        expectProblem(
                post(
                        PATH,
                        with(
                                aGoal(),
                                "targetDate",
                                LocalDate.now().plusYears(101).toString()),
                        user),
                422,
                "GOAL_TARGET_DATE_TOO_FAR");
    }

    @Test
    void aBodyThatIsNotJsonIs400MalformedRequest() {
        expectProblem(
                web.post()
                        .uri(PATH)
                        .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\":")
                        .exchange(),
                400,
                "MALFORMED_REQUEST");
    }

    @Test
    void aRequestWithoutTokenIs401() {
        expectProblem(
                web.post()
                        .uri(PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(aGoal())
                        .exchange(),
                401,
                "AUTH_UNAUTHENTICATED");
    }

    @Test
    void anUnknownGoalIs404() {
        expectProblem(get(PATH + "/" + UUID.randomUUID(), user), 404, "GOAL_NOT_FOUND");
    }

    @Test
    void anotherUsersGoalIs404ForEveryVerb() {
        String id = createdId();
        UUID other = UUID.randomUUID();

        expectProblem(get(PATH + "/" + id, other), 404, "GOAL_NOT_FOUND");
        expectProblem(get(PATH + "/" + id + "/health", other), 404, "GOAL_NOT_FOUND");
        expectProblem(get(PATH + "/" + id + "/contributions", other), 404, "GOAL_NOT_FOUND");
        expectProblem(patch(id, "{\"name\":\"x\"}", null, other), 404, "GOAL_NOT_FOUND");
        expectProblem(post(PATH + "/" + id + "/pause", null, other), 404, "GOAL_NOT_FOUND");
        expectProblem(post(PATH + "/" + id + "/contributions", aContribution("1.00"), other), 404, "GOAL_NOT_FOUND");
        expectProblem(delete(id, null, other), 404, "GOAL_NOT_FOUND");
        get(PATH + "/" + id, user).expectStatus().isOk();
    }

    @Test
    void anIdThatIsNoUuidIs400MalformedRequest() {
        expectProblem(get(PATH + "/not-a-uuid", user), 400, "MALFORMED_REQUEST");
    }

    @Test
    void anUnknownStatusFilterIs400MalformedRequest() {
        expectProblem(get(PATH + "?status=SLEEPING", user), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aStaleIfMatchIs412() {
        String id = createdId();
        patch(id, "{\"name\":\"Rome\"}", "\"0\"", user).expectStatus().isOk();

        expectProblem(patch(id, "{\"name\":\"Paris\"}", "\"0\"", user), 412, "GOAL_PRECONDITION_FAILED");
        expectProblem(delete(id, "\"0\"", user), 412, "GOAL_PRECONDITION_FAILED");
    }

    @Test
    void anIfMatchThatIsNoEntityTagIs400() {
        String id = createdId();

        expectProblem(patch(id, "{\"name\":\"Rome\"}", "yesterday", user), 400, "VALIDATION_FAILED");
    }

    @Test
    void aMergePatchDocumentClearsTheIconAndKeepsTheRest() {
        String id = createdId();

        web.patch()
                .uri(PATH + "/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .headers(h -> h.setIfMatch("\"0\""))
                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                .bodyValue("{\"icon\":null}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.icon")
                .doesNotExist()
                .jsonPath("$.category")
                .isEqualTo("travel");
    }

    @Test
    void aPatchThatNullsARequiredMemberIs400NamingIt() {
        String id = createdId();

        expectProblem(patch(id, "{\"targetDate\":null}", null, user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("targetDate");
    }

    @Test
    void aPatchOfTheStatusIs400PointingToTheTransitions() {
        String id = createdId();

        expectProblem(patch(id, "{\"status\":\"COMPLETED\"}", null, user), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("status");
    }

    @Test
    void aPatchedCurrencyTooCoarseForTheTargetIs400() {
        String location = post(PATH, with(aGoal(), "targetAmount", "1200.50"), user)
                .expectStatus()
                .isCreated()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
        String id = location.substring(location.lastIndexOf('/') + 1);

        expectProblem(patch(id, "{\"currency\":\"JPY\"}", null, user), 400, "VALIDATION_FAILED");
    }

    @Test
    void aPatchedTargetDateInThePastIs422() {
        String id = createdId();

        expectProblem(
                patch(id, "{\"targetDate\":\"" + LocalDate.now().minusDays(3) + "\"}", null, user),
                422,
                "GOAL_TARGET_DATE_IN_PAST");
    }

    @Test
    void aPatchOfTheCurrencyOfAGoalWithSavingsIs409() {
        String id = createdId();
        post(PATH + "/" + id + "/contributions", aContribution("5.00"), user)
                .expectStatus()
                .isCreated();

        expectProblem(patch(id, "{\"currency\":\"USD\"}", null, user), 409, "GOAL_CURRENCY_LOCKED");
    }

    @Test
    void pausingResumingAndCompletingACompletedGoalIs409() {
        String id = createdId();
        post(PATH + "/" + id + "/complete", null, user)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED");

        expectProblem(post(PATH + "/" + id + "/pause", null, user), 409, "GOAL_ALREADY_COMPLETED");
        expectProblem(post(PATH + "/" + id + "/resume", null, user), 409, "GOAL_ALREADY_COMPLETED");
        expectProblem(post(PATH + "/" + id + "/complete", null, user), 409, "GOAL_ALREADY_COMPLETED");
    }

    @Test
    void aContributionToACompletedGoalIs409() {
        String id = createdId();
        post(PATH + "/" + id + "/complete", null, user).expectStatus().isOk();

        expectProblem(
                post(PATH + "/" + id + "/contributions", aContribution("1.00"), user), 409, "GOAL_ALREADY_COMPLETED");
    }

    @Test
    void aContributionOfZeroOrLessIs400NamingTheAmount() {
        String id = createdId();

        for (String amount : new String[] {"0", "0.00", "-1.00"}) {
            expectProblem(
                            post(PATH + "/" + id + "/contributions", aContribution(amount), user),
                            400,
                            "VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("amount");
        }
    }

    @Test
    void aContributionWithMoreDecimalsThanTheCurrencyHasIs400() {
        String id = createdId();

        expectProblem(post(PATH + "/" + id + "/contributions", aContribution("1.005"), user), 400, "VALIDATION_FAILED");
    }

    @Test
    void aContributionWithoutCurrencyIs400() {
        String id = createdId();

        expectProblem(
                        post(PATH + "/" + id + "/contributions", without(aContribution("1.00"), "currency"), user),
                        400,
                        "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("currency");
    }

    @Test
    void aContributionInAnotherCurrencyThanTheGoalsIs422() {
        String id = createdId();

        expectProblem(
                post(PATH + "/" + id + "/contributions", with(aContribution("1.00"), "currency", "USD"), user),
                422,
                "GOAL_CURRENCY_MISMATCH");
    }

    @Test
    void aContributionThatReachesTheTargetCompletesTheGoal() {
        String id = createdId();

        post(PATH + "/" + id + "/contributions", aContribution("1200.00"), user)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.amount")
                .isEqualTo("1200.00")
                .jsonPath("$.source")
                .isEqualTo("MANUAL");
        get(PATH + "/" + id, user)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED")
                .jsonPath("$.progress.percent")
                .isEqualTo(100.0);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherAmountIs409() {
        String id = createdId();
        contribute(id, "10.00", "key-1").expectStatus().isCreated();

        expectProblem(contribute(id, "11.00", "key-1"), 409, "BUDGET_IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void anIdempotencyKeyWithLeadingSpaceIs400() {
        String id = createdId();

        expectProblem(contribute(id, "10.00", " key"), 400, "VALIDATION_FAILED");
    }

    @Test
    void statisticsAndHealthAnswerForTheCaller() {
        String id = createdId();

        get(PATH + "/statistics", user)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.goals")
                .isEqualTo(1)
                .jsonPath("$.active")
                .isEqualTo(1)
                .jsonPath("$.byCurrency[0].target")
                .isEqualTo("1200.00");
        get(PATH + "/" + id + "/health", user)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.verdict")
                .isEqualTo("BEHIND")
                .jsonPath("$.monthsLeft")
                .isEqualTo(13);
    }

    private String createdId() {
        String location = post(PATH, aGoal(), user)
                .expectStatus()
                .isCreated()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private WebTestClient.ResponseSpec post(String uri, Map<String, Object> body, UUID caller) {
        WebTestClient.RequestBodySpec request =
                web.post().uri(uri).headers(h -> h.setBearerAuth(TestTokens.forUser(caller)));
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    private WebTestClient.ResponseSpec contribute(String id, String amount, String key) {
        return web.post()
                .uri(PATH + "/" + id + "/contributions")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .header(GoalController.IDEMPOTENCY_KEY, key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aContribution(amount))
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String uri, UUID caller) {
        return web.get()
                .uri(uri)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(caller)))
                .exchange();
    }

    private WebTestClient.ResponseSpec patch(String id, String body, String ifMatch, UUID caller) {
        return web.patch()
                .uri(PATH + "/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(caller)))
                .headers(h -> {
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec delete(String id, String ifMatch, UUID caller) {
        return web.delete()
                .uri(PATH + "/" + id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(caller)))
                .headers(h -> {
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .exchange();
    }
}

package io.mita.budget.habit;

import static io.mita.testsupport.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.support.RecordingOutbox;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransaction;
import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * The habit endpoints' validation and problem+json answers, with the use cases on in-memory fakes (no
 * transactions are spent, so checked habits are kept); today is Thursday 2026-01-15 (UTC).
 */
@MitaWebFluxTest(HabitController.class)
@Import(HabitControllerTest.InMemoryUseCases.class)
class HabitControllerTest {

    static final RecordingOutbox OUTBOX = new RecordingOutbox();
    static final InMemoryHabits HABITS = new InMemoryHabits();

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryUseCases {

        @Bean
        HabitService habitService() {
            return new HabitService(
                    HABITS,
                    new InMemoryHabitCompletions(),
                    new HabitSpending(null) {
                        @Override
                        Flux<DailySpending> daily(
                                UUID userId, String category, String currency, LocalDate from, LocalDate to) {
                            return Flux.empty();
                        }
                    },
                    new HabitPublisher(OUTBOX),
                    new TransactionalOperator() {
                        @Override
                        public <T> Flux<T> execute(TransactionCallback<T> action) {
                            Publisher<T> work = action.doInTransaction(new ReactiveTransaction() {});
                            return Flux.from(work);
                        }
                    },
                    Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC));
        }
    }

    @Autowired
    WebTestClient web;

    private final UUID user = UUID.randomUUID();

    @Test
    void aHabitKeptByHandIsCreatedWithItsLocation() {
        post(manual())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, HabitController.PATH + "/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.automatic")
                .isEqualTo(false)
                .jsonPath("$.startsOn")
                .isEqualTo("2026-01-05")
                .jsonPath("$.version")
                .isEqualTo(0);
    }

    @Test
    void aCheckedHabitShowsItsAmountWithTheCurrencysDigits() {
        Map<String, Object> body = checked();
        body.remove("maxCount");
        body.put("maxAmount", "50");
        body.put("currency", "EUR");

        post(body)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.automatic")
                .isEqualTo(true)
                .jsonPath("$.maxAmount")
                .isEqualTo("50.00")
                .jsonPath("$.maxCount")
                .doesNotExist();
    }

    @Test
    void anUnknownPeriodIs400ValidationFailedNamingIt() {
        expectProblem(post(with(manual(), "period", "FORTNIGHT")), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("period");
    }

    @Test
    void aBlankNameIs400ValidationFailed() {
        expectProblem(post(with(manual(), "name", " ")), 400, "VALIDATION_FAILED");
    }

    @Test
    void aStartAfterTomorrowIs400ValidationFailed() {
        expectProblem(post(with(manual(), "startsOn", "2026-01-17")), 400, "VALIDATION_FAILED");
    }

    @Test
    void aLimitWithoutCategoryIs422InvalidLimit() {
        expectProblem(post(with(manual(), "maxCount", 3)), 422, "BUDGET_HABIT_INVALID_LIMIT");
    }

    @Test
    void aCategoryWithoutLimitIs422InvalidLimit() {
        expectProblem(post(with(manual(), "category", "dining")), 422, "BUDGET_HABIT_INVALID_LIMIT");
    }

    @Test
    void aNegativeCountIs422InvalidLimit() {
        expectProblem(post(with(checked(), "maxCount", -1)), 422, "BUDGET_HABIT_INVALID_LIMIT");
    }

    @Test
    void anAmountWithTooManyDecimalsIs422InvalidLimit() {
        Map<String, Object> body = checked();
        body.remove("maxCount");
        body.put("maxAmount", "9.999");
        body.put("currency", "EUR");

        expectProblem(post(body), 422, "BUDGET_HABIT_INVALID_LIMIT");
    }

    @Test
    void aCountThatIsNoNumberIs400Malformed() {
        expectProblem(post(with(checked(), "maxCount", "three")), 400, "MALFORMED_REQUEST");
    }

    @Test
    void anUnknownHabitIs404EverywhereForItsId() {
        String path = HabitController.PATH + "/" + UUID.randomUUID();

        expectProblem(get(path), 404, "BUDGET_HABIT_NOT_FOUND");
        expectProblem(get(path + "/progress"), 404, "BUDGET_HABIT_NOT_FOUND");
        expectProblem(patch(path, "{\"name\":\"x\"}"), 404, "BUDGET_HABIT_NOT_FOUND");
        expectProblem(mark(path, "2026-01-14"), 404, "BUDGET_HABIT_NOT_FOUND");
        expectProblem(web.delete().uri(path).headers(this::authorised).exchange(), 404, "BUDGET_HABIT_NOT_FOUND");
    }

    @Test
    void anotherUsersHabitIs404() {
        String path = createdPath(manual());

        expectProblem(
                web.get()
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forUser(UUID.randomUUID()))
                        .exchange(),
                404,
                "BUDGET_HABIT_NOT_FOUND");
    }

    @Test
    void markingADayTwiceAnswers201Then200WithTheFirstTimeAndPublishesOnce() {
        String path = createdPath(manual());
        long before = OUTBOX.appended().size();

        String first = mark(path, "2026-01-14")
                .expectStatus()
                .isCreated()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String again = mark(path, "2026-01-14")
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(again).isEqualTo(first);
        assertThat(OUTBOX.appended().subList((int) before, OUTBOX.appended().size()))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.type()).isEqualTo(HabitPublisher.COMPLETED);
                    assertThat(event.subject()).isEqualTo(user.toString());
                    assertThat(((HabitCompleted) event.data()).day()).isEqualTo(LocalDate.of(2026, 1, 14));
                });
    }

    @Test
    void markingADayAfterTomorrowIs422() {
        expectProblem(mark(createdPath(manual()), "2026-01-17"), 422, "BUDGET_HABIT_DAY_NOT_TRACKED");
    }

    @Test
    void markingADayBeforeTheStartIs422() {
        expectProblem(mark(createdPath(manual()), "2026-01-04"), 422, "BUDGET_HABIT_DAY_NOT_TRACKED");
    }

    @Test
    void markingASaturdayOfAWeekdaysOnlyHabitIs422() {
        expectProblem(
                mark(createdPath(with(manual(), "weekdaysOnly", true)), "2026-01-10"),
                422,
                "BUDGET_HABIT_DAY_NOT_TRACKED");
    }

    @Test
    void markingACheckedHabitIs409() {
        expectProblem(mark(createdPath(checked()), "2026-01-14"), 409, "BUDGET_HABIT_CHECKED_AUTOMATICALLY");
    }

    @Test
    void aDayThatIsNoDateIs400Malformed() {
        expectProblem(mark(createdPath(manual()), "2026-02-30"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void theProgressCountsTheMarkedDaysIntoAStreak() {
        String path = createdPath(manual());
        for (String day : new String[] {"2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15"}) {
            mark(path, day).expectStatus().isCreated();
        }

        get(path + "/progress?periods=5")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.currentStreak")
                .isEqualTo(4)
                .jsonPath("$.longestStreak")
                .isEqualTo(4)
                .jsonPath("$.kept")
                .isEqualTo(4)
                .jsonPath("$.missed")
                .isEqualTo(7)
                .jsonPath("$.periods.length()")
                .isEqualTo(5)
                .jsonPath("$.periods[4].status")
                .isEqualTo("KEPT")
                .jsonPath("$.periods[0].status")
                .isEqualTo("MISSED");
    }

    @Test
    void aCheckedHabitWithoutExpensesIsKeptEveryFinishedWeek() {
        String path = createdPath(with(checked(), "period", "WEEK"));

        get(path + "/progress")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.automatic")
                .isEqualTo(true)
                .jsonPath("$.periods.length()")
                .isEqualTo(2)
                .jsonPath("$.periods[0].status")
                .isEqualTo("KEPT")
                .jsonPath("$.periods[0].expenses")
                .isEqualTo(0)
                .jsonPath("$.periods[1].status")
                .isEqualTo("PENDING")
                .jsonPath("$.currentStreak")
                .isEqualTo(1);
    }

    @Test
    void progressOfZeroOrTooManyPeriodsIs400() {
        String path = createdPath(manual());

        expectProblem(get(path + "/progress?periods=0"), 400, "VALIDATION_FAILED");
        expectProblem(get(path + "/progress?periods=367"), 400, "VALIDATION_FAILED");
    }

    @Test
    void aPatchRenamesAndKeepsTheRest() {
        String path = createdPath(checked());

        patch(path, "{\"name\":\"Less dining\"}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Less dining")
                .jsonPath("$.category")
                .isEqualTo("dining")
                .jsonPath("$.maxCount")
                .isEqualTo(0)
                .jsonPath("$.version")
                .isEqualTo(1);
    }

    @Test
    void aPatchClearingCategoryAndLimitMakesAHabitKeptByHand() {
        String path = createdPath(checked());

        patch(path, "{\"category\":null,\"maxCount\":null}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.automatic")
                .isEqualTo(false)
                .jsonPath("$.category")
                .doesNotExist();
        mark(path, "2026-01-14").expectStatus().isCreated();
    }

    @Test
    void aPatchRacingAnotherChangeOfTheSameHabitIs409Conflict() {
        String path = createdPath(manual());
        HABITS.changeByAnotherRequestAfterTheNextRead(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));

        expectProblem(patch(path, "{\"name\":\"Cook more\"}"), 409, "CONFLICT");
    }

    @Test
    void aPatchClearingOnlyTheCategoryIs422InvalidLimit() {
        expectProblem(patch(createdPath(checked()), "{\"category\":null}"), 422, "BUDGET_HABIT_INVALID_LIMIT");
    }

    @Test
    void aPatchWithAnUnknownPeriodIs400() {
        expectProblem(patch(createdPath(manual()), "{\"period\":\"YEAR\"}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void aPatchWithAWrongTypeIs400() {
        expectProblem(patch(createdPath(checked()), "{\"maxCount\":\"many\"}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void aPatchThatIsNoObjectIs400Malformed() {
        expectProblem(patch(createdPath(manual()), "[1]"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aDeletedHabitIsGone() {
        String path = createdPath(manual());

        web.delete()
                .uri(path)
                .headers(this::authorised)
                .exchange()
                .expectStatus()
                .isNoContent();

        expectProblem(get(path), 404, "BUDGET_HABIT_NOT_FOUND");
    }

    @Test
    void theListHoldsOnlyTheCallersHabits() {
        createdPath(manual());
        createdPath(checked());

        get(HabitController.PATH)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items.length()")
                .isEqualTo(2);
    }

    private static Map<String, Object> manual() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Cook at home");
        body.put("period", "DAY");
        body.put("startsOn", "2026-01-05");
        return body;
    }

    private static Map<String, Object> checked() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "No dining out");
        body.put("category", "dining");
        body.put("maxCount", 0);
        body.put("period", "DAY");
        body.put("startsOn", "2026-01-05");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String member, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(member, value);
        return changed;
    }

    private WebTestClient.ResponseSpec post(Object body) {
        return web.post()
                .uri(HabitController.PATH)
                .headers(this::authorised)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private String createdPath(Map<String, Object> body) {
        return post(body)
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
    }

    private WebTestClient.ResponseSpec get(String path) {
        return web.get().uri(path).headers(this::authorised).exchange();
    }

    private WebTestClient.ResponseSpec patch(String path, String body) {
        return web.patch()
                .uri(path)
                .headers(this::authorised)
                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec mark(String path, String day) {
        return web.post()
                .uri(path + "/completions/" + day)
                .headers(this::authorised)
                .exchange();
    }

    private void authorised(HttpHeaders headers) {
        headers.setBearerAuth(TestTokens.forUser(user));
    }
}

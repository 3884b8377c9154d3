package io.mita.budget.habit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.GoldenEvents;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Habits against the real database: checked from real transactions on read, marks and their events, ownership. */
@MitaIntegrationTest
class HabitLifecycleIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReactiveTransactionManager transactionManager;

    private WebTestClient web;
    private final UUID user = UUID.randomUUID();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        web = webTestClient.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aCheckedHabitIsJudgedFromTheLiveExpensesOfItsCategoryAndCurrencyAtEveryRead() {
        String missedDay = expense(user, today.minusDays(3), "dining", "20.00", "EUR");
        expense(user, today.minusDays(3), "dining", "15.00", "EUR");
        expense(user, today.minusDays(2), "dining", "99.00", "USD");
        String deleted = expense(user, today.minusDays(1), "dining", "40.00", "EUR");
        delete(user, deleted);
        income(user, today.minusDays(1), "dining", "100.00");
        expense(user, today.minusDays(5), "groceries", "100.00", "EUR");
        expense(UUID.randomUUID(), today.minusDays(4), "dining", "100.00", "EUR");
        Map<String, Object> habit = new HashMap<>();
        habit.put("name", "At most 30.00 on dining a day");
        habit.put("category", "dining");
        habit.put("maxAmount", "30.00");
        habit.put("currency", "EUR");
        habit.put("period", "DAY");
        habit.put("startsOn", today.minusDays(6).toString());
        String path = created(user, habit);

        JsonNode progress = json(get(user, path + "/progress").expectStatus().isOk());

        assertThat(statuses(progress)).containsExactly("KEPT", "KEPT", "KEPT", "MISSED", "KEPT", "KEPT", "PENDING");
        JsonNode missed = progress.get("periods").get(3);
        assertThat(missed.get("spent").asString()).isEqualTo("35.00");
        assertThat(missed.get("currency").asString()).isEqualTo("EUR");
        assertThat(missed.get("expenses").asLong()).isEqualTo(2);
        JsonNode otherCurrency = progress.get("periods").get(4);
        assertThat(otherCurrency.get("expenses").asLong())
                .as("counted, not added up")
                .isEqualTo(1);
        assertThat(otherCurrency.get("spent").asString()).isEqualTo("0.00");
        assertThat(progress.get("currentStreak").asInt()).isEqualTo(2);
        assertThat(progress.get("longestStreak").asInt()).isEqualTo(3);
        assertThat(progress.get("kept").asInt()).isEqualTo(5);
        assertThat(progress.get("missed").asInt()).isEqualTo(1);

        delete(user, missedDay);

        JsonNode after = json(get(user, path + "/progress").expectStatus().isOk());
        assertThat(statuses(after)).containsExactly("KEPT", "KEPT", "KEPT", "KEPT", "KEPT", "KEPT", "PENDING");
        assertThat(after.get("currentStreak").asInt()).isEqualTo(6);
    }

    @Test
    void concurrentMarksOfOneDayStoreOneCompletionAndOneEventOfTheGoldenShape() {
        String path = created(user, manual());
        String token = "Bearer " + TestTokens.forUser(user, "USER");
        String day = today.minusDays(1).toString();

        List<Integer> statuses = Flux.range(0, 6)
                .parallel(6)
                .runOn(Schedulers.boundedElastic())
                .map(i -> web.post()
                        .uri(path + "/completions/" + day)
                        .header("Authorization", token)
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getStatus()
                        .value())
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(6).containsOnlyOnce(201).containsOnly(201, 200);
        List<Map<String, Object>> events = database.sql(
                        "SELECT data::text AS data FROM outbox_event WHERE subject = :user AND type = :type")
                .bind("user", user.toString())
                .bind("type", HabitPublisher.COMPLETED)
                .fetch()
                .all()
                .collectList()
                .block(Duration.ofSeconds(10));
        assertThat(events).hasSize(1);
        JsonNode data = JSON.readTree((String) events.get(0).get("data"));
        GoldenEvents.assertSerialisesToShapeOf(HabitPublisher.COMPLETED, data);
        assertThat(data.get("day").asString()).isEqualTo(day);
        assertThat(path).endsWith(data.get("habitId").asString());
        JsonNode progress = json(get(user, path + "/progress").expectStatus().isOk());
        assertThat(progress.get("currentStreak").asInt()).isEqualTo(1);
    }

    @Test
    void anotherUsersHabitIsNotFoundForAnyOperationAndStaysUnchanged() {
        String path = created(user, manual());
        UUID intruder = UUID.randomUUID();

        problem(get(intruder, path), 404);
        problem(get(intruder, path + "/progress"), 404);
        problem(
                web.patch()
                        .uri(path)
                        .header("Authorization", "Bearer " + TestTokens.forUser(intruder, "USER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "mine now"))
                        .exchange(),
                404);
        problem(
                web.post()
                        .uri(path + "/completions/" + today)
                        .header("Authorization", "Bearer " + TestTokens.forUser(intruder, "USER"))
                        .exchange(),
                404);
        problem(
                web.delete()
                        .uri(path)
                        .header("Authorization", "Bearer " + TestTokens.forUser(intruder, "USER"))
                        .exchange(),
                404);

        JsonNode mine = json(get(user, path).expectStatus().isOk());
        assertThat(mine.get("name").asString()).isEqualTo("Cook at home");
        assertThat(json(get(intruder, HabitController.PATH).expectStatus().isOk())
                        .get("items"))
                .isEmpty();
    }

    @Test
    void aHabitIsUpdatedListedAndDeletedWithItsMarks() {
        String path = created(user, manual());
        web.post()
                .uri(path + "/completions/" + today)
                .header("Authorization", "Bearer " + TestTokens.forUser(user, "USER"))
                .exchange()
                .expectStatus()
                .isCreated();

        JsonNode patched = json(web.patch()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.forUser(user, "USER"))
                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                .bodyValue(Map.of("weekdaysOnly", true, "period", "WEEK"))
                .exchange()
                .expectStatus()
                .isOk());
        assertThat(patched.get("period").asString()).isEqualTo("WEEK");
        assertThat(patched.get("version").asLong()).isEqualTo(1);
        assertThat(json(get(user, HabitController.PATH).expectStatus().isOk()).get("items"))
                .hasSize(1);

        web.delete()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.forUser(user, "USER"))
                .exchange()
                .expectStatus()
                .isNoContent();

        problem(get(user, path), 404);
        Long marks = database.sql("SELECT count(*) AS n FROM habit_completion WHERE habit_id = :id")
                .bind("id", UUID.fromString(path.substring(path.lastIndexOf('/') + 1)))
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(10));
        assertThat(marks).isZero();
    }

    /** A checked habit's query is a range scan of the covering index V4 adds (index-only once the table is vacuumed). */
    @Test
    void theCheckOfAHabitIsARangeScanOfTheCoveringIndex() {
        expense(user, today.minusDays(1), "dining", "20.00", "EUR");
        List<String> plan = TransactionalOperator.create(transactionManager)
                .transactional(database.sql("SET LOCAL enable_seqscan = off")
                        .then()
                        .thenMany(Flux.defer(() -> database.sql("EXPLAIN " + HabitSpending.DAILY)
                                .bind("userId", user)
                                .bind("category", "dining")
                                .bind("currency", "EUR")
                                .bind("from", today.minusDays(30))
                                .bind("to", today)
                                .map(row -> row.get(0, String.class))
                                .all())))
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(String.join("\n", plan)).contains("using transaction_user_category_day");
    }

    // ---------------------------------------------------------------------------------------------

    private Map<String, Object> manual() {
        Map<String, Object> habit = new HashMap<>();
        habit.put("name", "Cook at home");
        habit.put("period", "DAY");
        habit.put("startsOn", today.minusDays(3).toString());
        return habit;
    }

    private static List<String> statuses(JsonNode progress) {
        List<String> statuses = new ArrayList<>();
        for (JsonNode period : progress.get("periods")) {
            statuses.add(period.get("status").asString());
        }
        return statuses;
    }

    private String expense(UUID owner, LocalDate day, String category, String amount, String currency) {
        return transaction(owner, "EXPENSE", day, category, amount, currency);
    }

    private void income(UUID owner, LocalDate day, String category, String amount) {
        transaction(owner, "INCOME", day, category, amount, "EUR");
    }

    private String transaction(
            UUID owner, String type, LocalDate day, String category, String amount, String currency) {
        Map<String, Object> body = Map.of(
                "type", type,
                "amount", amount,
                "currency", currency,
                "category", category,
                "occurredOn", day.toString());
        return json(web.post()
                        .uri("/api/budget/transactions")
                        .header("Authorization", "Bearer " + TestTokens.forUser(owner, "USER"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange()
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();
    }

    private void delete(UUID owner, String transactionId) {
        web.delete()
                .uri("/api/budget/transactions/" + transactionId)
                .header("Authorization", "Bearer " + TestTokens.forUser(owner, "USER"))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private String created(UUID owner, Map<String, Object> habit) {
        return web.post()
                .uri(HabitController.PATH)
                .header("Authorization", "Bearer " + TestTokens.forUser(owner, "USER"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(habit)
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
    }

    private WebTestClient.ResponseSpec get(UUID owner, String path) {
        return web.get()
                .uri(path)
                .header("Authorization", "Bearer " + TestTokens.forUser(owner, "USER"))
                .exchange();
    }

    private static void problem(WebTestClient.ResponseSpec response, int status) {
        JsonNode body = json(response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(body.get("code").asString()).isEqualTo("BUDGET_HABIT_NOT_FOUND");
    }

    private static JsonNode json(WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectBody(String.class).returnResult().getResponseBody());
    }
}

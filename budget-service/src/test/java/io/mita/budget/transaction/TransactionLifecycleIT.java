package io.mita.budget.transaction;

import static io.mita.budget.transaction.BudgetApi.json;
import static io.mita.budget.transaction.BudgetApi.problem;
import static io.mita.budget.transaction.TransactionFixtures.anExpense;
import static io.mita.budget.transaction.TransactionFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

@MitaIntegrationTest
class TransactionLifecycleIT {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    private BudgetApi api;
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new BudgetApi(webTestClient);
        api.ownCategories(user, "food", "salary");
    }

    @Test
    void createdTransactionAnswers201WithLocationAndIsReadableThere() {
        EntityExchangeResult<String> result = api.create(user, anExpense())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/budget/transactions/[0-9a-f-]{36}")
                .expectHeader()
                .valueEquals("ETag", "\"0\"")
                .expectBody(String.class)
                .returnResult();
        JsonNode created = BudgetApi.JSON.readTree(result.getResponseBody());
        String location = result.getResponseHeaders().getLocation().toString();

        assertThat(location).endsWith("/" + created.get("id").asString());
        assertThat(created.get("type").asString()).isEqualTo("EXPENSE");
        assertThat(created.get("amount").isString()).as("amounts are strings").isTrue();
        assertThat(created.get("amount").asString()).isEqualTo("12.50");
        assertThat(created.get("currency").asString()).isEqualTo("EUR");
        assertThat(created.get("category").asString()).isEqualTo("groceries");
        assertThat(created.get("occurredOn").asString()).isEqualTo("2025-06-15");
        assertThat(created.get("merchant").asString()).isEqualTo("Lidl");
        assertThat(created.get("note").asString()).isEqualTo("weekly shop");
        assertThat(created.get("version").asLong()).isZero();

        JsonNode read = json(
                api.get(user, location).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"0\""));
        assertThat(read).isEqualTo(created);
    }

    @Test
    void amountsAreNormalisedToTheCurrencysDigitsAndStoredExactly() {
        JsonNode euros = api.created(user, with(anExpense(), "amount", "7.5"));
        JsonNode yen = api.created(user, with(with(anExpense(), "currency", "JPY"), "amount", "1200"));
        JsonNode dinar = api.created(user, with(with(anExpense(), "currency", "BHD"), "amount", "0.125"));

        assertThat(euros.get("amount").asString()).isEqualTo("7.50");
        assertThat(yen.get("amount").asString()).isEqualTo("1200");
        assertThat(dinar.get("amount").asString()).isEqualTo("0.125");
        String stored = database.sql("SELECT amount::text AS amount FROM transaction WHERE id = :id")
                .bind("id", UUID.fromString(dinar.get("id").asString()))
                .map(row -> row.get("amount", String.class))
                .one()
                .block();
        assertThat(stored).isEqualTo("0.1250");
    }

    @Test
    void aJsonNumberAmountIsReadByItsLiteralTextNeverAsBinaryFloatingPoint() {
        String body = "{\"type\":\"INCOME\",\"amount\":0.1,\"currency\":\"EUR\",\"category\":\"salary\","
                + "\"occurredOn\":\"2025-06-15\"}";
        JsonNode created = json(api.client()
                .post()
                .uri(BudgetApi.PATH)
                .header("Authorization", BudgetApi.bearer(user))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated());

        assertThat(created.get("amount").asString()).isEqualTo("0.10");
        assertThat(created.get("type").asString()).isEqualTo("INCOME");
        assertThat(created.get("merchant").isNull()).isTrue();
    }

    @Test
    void membersNamingAnOwnerOrIdAreIgnored() {
        UUID someoneElse = UUID.randomUUID();
        UUID chosenId = UUID.randomUUID();
        Map<String, Object> body = with(with(anExpense(), "userId", someoneElse.toString()), "id", chosenId.toString());

        JsonNode created = api.created(user, body);

        UUID id = UUID.fromString(created.get("id").asString());
        assertThat(id).isNotEqualTo(chosenId);
        UUID owner = database.sql("SELECT user_id FROM transaction WHERE id = :id")
                .bind("id", id)
                .map(row -> row.get("user_id", UUID.class))
                .one()
                .block();
        assertThat(owner).isEqualTo(user);
        api.get(someoneElse, id).expectStatus().isNotFound();
    }

    @Test
    void tomorrowInUtcIsAcceptedButTheDayAfterIsNot() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        api.create(user, with(anExpense(), "occurredOn", today.plusDays(1).toString()))
                .expectStatus()
                .isCreated();
        JsonNode refused = problem(
                api.create(
                        user, with(anExpense(), "occurredOn", today.plusDays(2).toString())),
                400,
                "VALIDATION_FAILED");
        assertThat(BudgetApi.fieldsInError(refused)).containsExactly("occurredOn");
    }

    @Test
    void patchChangesOnlyThePresentMembersAndBumpsTheVersion() {
        UUID id = api.createdId(user, anExpense());

        JsonNode patched = json(api.patch(user, id, Map.of("amount", "14.9", "category", "food"), null)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"1\""));

        assertThat(patched.get("amount").asString()).isEqualTo("14.90");
        assertThat(patched.get("category").asString()).isEqualTo("food");
        assertThat(patched.get("merchant").asString()).isEqualTo("Lidl");
        assertThat(patched.get("note").asString()).isEqualTo("weekly shop");
        assertThat(patched.get("version").asLong()).isEqualTo(1);
        assertThat(json(api.get(user, id).expectStatus().isOk())).isEqualTo(patched);
    }

    @Test
    void patchWithNullClearsMerchantAndNote() {
        UUID id = api.createdId(user, anExpense());
        Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("merchant", null);
        clear.put("note", null);

        JsonNode patched = json(api.patch(user, id, clear, null).expectStatus().isOk());

        assertThat(patched.get("merchant").isNull()).isTrue();
        assertThat(patched.get("note").isNull()).isTrue();
    }

    @Test
    void patchWithTheCurrentVersionSucceedsAndWithAStaleOneConflicts() {
        UUID id = api.createdId(user, anExpense());

        api.patch(user, id, Map.of("amount", "13.00"), "\"0\"").expectStatus().isOk();
        problem(api.patch(user, id, Map.of("amount", "99.00"), "\"0\""), 409, "BUDGET_TRANSACTION_VERSION_CONFLICT");

        JsonNode current = json(api.get(user, id).expectStatus().isOk());
        assertThat(current.get("amount").asString()).isEqualTo("13.00");
        assertThat(current.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void concurrentPatchesWithoutIfMatchNeverLoseAnUpdateSilently() {
        UUID id = api.createdId(user, anExpense());
        WebTestClient client = api.client();
        String token = BudgetApi.bearer(user);

        List<Integer> statuses = Flux.range(1, 6)
                .parallel(6)
                .runOn(Schedulers.boundedElastic())
                .map(i -> client.patch()
                        .uri(BudgetApi.PATH + "/" + id)
                        .header("Authorization", token)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("amount", i + ".00"))
                        .exchange()
                        .returnResult(String.class)
                        .getStatus()
                        .value())
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(statuses).containsOnly(200, 409).contains(200);
        long applied = statuses.stream().filter(status -> status == 200).count();
        JsonNode current = json(api.get(user, id).expectStatus().isOk());
        assertThat(current.get("version").asLong()).isEqualTo(applied);
        assertThat(eventsFor(id)).isEqualTo(1 + applied);
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersionAndPublishesNothing() {
        UUID id = api.createdId(user, anExpense());

        JsonNode same = json(api.patch(user, id, Map.of("amount", "12.5", "merchant", "Lidl"), "\"0\"")
                .expectStatus()
                .isOk());

        assertThat(same.get("version").asLong()).isZero();
        assertThat(eventsFor(id)).isEqualTo(1);
    }

    @Test
    void patchValidatesTheAmountAgainstTheCurrencyItWillHave() {
        UUID id = api.createdId(user, anExpense());

        JsonNode refused = problem(api.patch(user, id, Map.of("currency", "JPY"), null), 400, "VALIDATION_FAILED");
        assertThat(refused.get("detail").asString()).isEqualTo("amount: must have at most 0 decimal places for JPY");
        problem(api.patch(user, id, with(Map.of(), "type", null), null), 400, "VALIDATION_FAILED");
        problem(api.patch(user, id, Map.of("amount", "1"), "\"not-a-version\""), 400, "VALIDATION_FAILED");

        JsonNode yen = json(api.patch(user, id, Map.of("currency", "JPY", "amount", "1250"), null)
                .expectStatus()
                .isOk());
        assertThat(yen.get("amount").asString()).isEqualTo("1250");
    }

    @Test
    void deleteIsSoftAndTheTransactionIsGoneForEveryRequestAfterwards() {
        UUID id = api.createdId(user, anExpense());

        api.delete(user, id).expectStatus().isNoContent().expectBody().isEmpty();

        problem(api.get(user, id), 404, "BUDGET_TRANSACTION_NOT_FOUND");
        problem(api.delete(user, id), 404, "BUDGET_TRANSACTION_NOT_FOUND");
        problem(api.patch(user, id, Map.of("amount", "1.00"), null), 404, "BUDGET_TRANSACTION_NOT_FOUND");
        assertThat(json(api.get(user, BudgetApi.PATH).expectStatus().isOk())
                        .get("items")
                        .findValuesAsString("id"))
                .doesNotContain(id.toString());
        Boolean rowKept = database.sql("SELECT deleted_at IS NOT NULL AS gone FROM transaction WHERE id = :id")
                .bind("id", id)
                .map(row -> row.get("gone", Boolean.class))
                .one()
                .block();
        assertThat(rowKept).isTrue();
    }

    @Test
    void anUnknownIdIsNotFoundAndAMalformedOneIsABadRequest() {
        problem(api.get(user, UUID.randomUUID()), 404, "BUDGET_TRANSACTION_NOT_FOUND");
        problem(api.get(user, BudgetApi.PATH + "/not-a-uuid"), 400, "MALFORMED_REQUEST");
        problem(
                api.client()
                        .delete()
                        .uri(BudgetApi.PATH + "/12345")
                        .header("Authorization", BudgetApi.bearer(user))
                        .exchange(),
                400,
                "MALFORMED_REQUEST");
    }

    private long eventsFor(UUID transactionId) {
        return database.sql("SELECT count(*) AS n FROM outbox_event WHERE data->>'transactionId' = :id")
                .bind("id", transactionId.toString())
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}

package io.mita.budget.transaction;

import static io.mita.budget.transaction.BudgetApi.json;
import static io.mita.budget.transaction.BudgetApi.problem;
import static io.mita.budget.transaction.TransactionFixtures.anExpense;
import static io.mita.budget.transaction.TransactionFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

@MitaIntegrationTest
class TransactionIdempotencyIT {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    private BudgetApi api;
    private final UUID user = UUID.randomUUID();
    private final String key = "key-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new BudgetApi(webTestClient);
    }

    @Test
    void aReplayAnswersTheSameTransactionWithoutASecondRowOrEvent() {
        JsonNode first = json(api.create(user, key, anExpense()).expectStatus().isCreated());
        String location = api.create(user, key, anExpense())
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
        JsonNode replay = json(api.create(user, key, with(anExpense(), "amount", "12.5"))
                .expectStatus()
                .isCreated());

        assertThat(replay).isEqualTo(first);
        assertThat(location).endsWith("/" + first.get("id").asString());
        assertThat(rowsOfUser()).isEqualTo(1);
        assertThat(eventsOfUser()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        JsonNode first = json(api.create(user, key, anExpense()).expectStatus().isCreated());

        problem(api.create(user, key, with(anExpense(), "amount", "13.00")), 409, "BUDGET_IDEMPOTENCY_KEY_REUSED");
        problem(api.create(user, key, with(anExpense(), "note", null)), 409, "BUDGET_IDEMPOTENCY_KEY_REUSED");

        assertThat(rowsOfUser()).isEqualTo(1);
        assertThat(json(api.get(user, UUID.fromString(first.get("id").asString()))
                        .expectStatus()
                        .isOk()))
                .isEqualTo(first);
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneTransaction() {
        WebTestClient client = api.client();
        String token = BudgetApi.bearer(user);
        Map<String, Object> body = anExpense();

        List<String> ids = Flux.range(0, 8)
                .parallel(8)
                .runOn(Schedulers.boundedElastic())
                .map(i -> client.post()
                        .uri(BudgetApi.PATH)
                        .header("Authorization", token)
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .map(response -> BudgetApi.JSON.readTree(response).get("id").asString())
                .sequential()
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        assertThat(rowsOfUser()).isEqualTo(1);
        assertThat(eventsOfUser()).isEqualTo(1);
    }

    @Test
    void withoutAKeyEachRequestMakesATransaction() {
        api.create(user, anExpense()).expectStatus().isCreated();
        api.create(user, anExpense()).expectStatus().isCreated();

        assertThat(rowsOfUser()).isEqualTo(2);
    }

    @Test
    void aReplayAfterTheTransactionWasDeletedIsNotFound() {
        UUID id = UUID.fromString(
                json(api.create(user, key, anExpense()).expectStatus().isCreated())
                        .get("id")
                        .asString());
        api.delete(user, id).expectStatus().isNoContent();

        problem(api.create(user, key, anExpense()), 404, "BUDGET_TRANSACTION_NOT_FOUND");
        assertThat(rowsOfUser()).isEqualTo(1);
    }

    @Test
    void refusesKeysThatAreEmptyTooLongOrNotPrintable() {
        problem(api.create(user, "k".repeat(129), anExpense()), 400, "VALIDATION_FAILED");
        problem(api.create(user, "tab\tinside", anExpense()), 400, "VALIDATION_FAILED");
        problem(api.create(user, "", anExpense()), 400, "VALIDATION_FAILED");
        api.create(user, "k".repeat(128), anExpense()).expectStatus().isCreated();
        assertThat(rowsOfUser()).isEqualTo(1);
    }

    private long rowsOfUser() {
        return database.sql("SELECT count(*) AS n FROM transaction WHERE user_id = :user")
                .bind("user", user)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    private long eventsOfUser() {
        return database.sql("SELECT count(*) AS n FROM outbox_event WHERE subject = :user")
                .bind("user", user.toString())
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}

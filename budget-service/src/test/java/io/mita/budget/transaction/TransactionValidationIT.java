package io.mita.budget.transaction;

import static io.mita.budget.transaction.BudgetApi.fieldsInError;
import static io.mita.budget.transaction.BudgetApi.problem;
import static io.mita.budget.transaction.TransactionFixtures.anExpense;
import static io.mita.budget.transaction.TransactionFixtures.with;
import static io.mita.budget.transaction.TransactionFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@MitaIntegrationTest
class TransactionValidationIT {

    @Autowired
    WebTestClient webTestClient;

    @Autowired
    DatabaseClient database;

    private BudgetApi api;
    private final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        api = new BudgetApi(webTestClient);
    }

    @ParameterizedTest(name = "{0} = {1} is refused on {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "amount   | -5.00      | amount   | must be greater than 0",
                "amount   | 0          | amount   | must be greater than 0",
                "amount   | 12.345     | amount   | must have at most 2 decimal places for EUR",
                "amount   | 1e3        | amount   | must be a decimal string such as \"12.50\"",
                "amount   | 1000000000000.01 | amount | must be at most 1000000000000",
                "currency | EURO       | currency | must be an ISO 4217 code of three upper-case letters",
                "currency | ABC        | currency | is not an ISO 4217 currency: ABC",
                "currency | XXX        | currency | has no minor unit and cannot be used for a transaction: XXX",
                "type     | TRANSFER   | type     | must be EXPENSE or INCOME",
                "category | ' '        | category | must not be blank"
            })
    void refusesAnInvalidMemberNamingItInErrors(String member, String value, String field, String message) {
        JsonNode refused = problem(api.create(user, with(anExpense(), member, value)), 400, "VALIDATION_FAILED");

        assertThat(fieldsInError(refused)).containsExactly(field);
        assertThat(refused.get("errors").get(0).get("message").asString()).isEqualTo(message);
        assertThat(rowsOfUser()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"type", "amount", "currency", "category", "occurredOn"})
    void refusesAMissingRequiredMember(String member) {
        JsonNode refused = problem(api.create(user, without(anExpense(), member)), 400, "VALIDATION_FAILED");

        assertThat(fieldsInError(refused)).containsExactly(member);
    }

    @Test
    void refusesTooLongText() {
        Map<String, Object> body = with(
                with(with(anExpense(), "category", "c".repeat(65)), "merchant", "m".repeat(121)),
                "note",
                "n".repeat(501));

        assertThat(fieldsInError(problem(api.create(user, body), 400, "VALIDATION_FAILED")))
                .containsExactly("category", "merchant", "note");
    }

    @Test
    void refusesMalformedJson() {
        problem(post("{\"type\": \"EXPENSE\", \"amount\": ", MediaType.APPLICATION_JSON), 400, "MALFORMED_REQUEST");
        problem(
                post(
                        "{\"type\":\"EXPENSE\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"category\":\"a\","
                                + "\"occurredOn\":\"15.06.2025\"}",
                        MediaType.APPLICATION_JSON),
                400,
                "MALFORMED_REQUEST");
        problem(post("", MediaType.APPLICATION_JSON), 400, "MALFORMED_REQUEST");
    }

    @Test
    void refusesAnotherContentType() {
        problem(post("type=EXPENSE&amount=1.00", MediaType.APPLICATION_FORM_URLENCODED), 415, "UNSUPPORTED_MEDIA_TYPE");
        problem(post("{}", MediaType.TEXT_PLAIN), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void refusesCallersWithoutAValidToken() {
        problem(api.client().get().uri(BudgetApi.PATH).exchange(), 401, "AUTH_UNAUTHENTICATED");
        problem(
                api.client()
                        .post()
                        .uri(BudgetApi.PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(anExpense())
                        .exchange(),
                401,
                "AUTH_UNAUTHENTICATED");
        problem(
                api.client()
                        .get()
                        .uri(BudgetApi.PATH)
                        .header("Authorization", "Bearer " + TestTokens.expired(user))
                        .exchange(),
                401,
                "AUTH_UNAUTHENTICATED");
        assertThat(rowsOfUser()).isZero();
    }

    private WebTestClient.ResponseSpec post(String body, MediaType type) {
        return api.client()
                .post()
                .uri(BudgetApi.PATH)
                .header("Authorization", BudgetApi.bearer(user))
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    private long rowsOfUser() {
        return database.sql("SELECT count(*) AS n FROM transaction WHERE user_id = :user")
                .bind("user", user)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }
}

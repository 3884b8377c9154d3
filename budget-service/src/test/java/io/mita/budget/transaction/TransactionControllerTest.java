package io.mita.budget.transaction;

import static io.mita.budget.transaction.TransactionFixtures.anExpense;
import static io.mita.budget.transaction.TransactionFixtures.with;
import static io.mita.budget.transaction.TransactionFixtures.without;
import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.budget.support.RecordingOutbox;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
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
import reactor.core.publisher.Mono;

/**
 * The controller's validation and problem+json answers, with the use cases on in-memory fakes: status,
 * {@code code} and content type of every refusal, without PostgreSQL or Kafka.
 */
@MitaWebFluxTest(TransactionController.class)
@Import(TransactionControllerTest.InMemoryUseCases.class)
class TransactionControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryUseCases {

        @Bean
        TransactionService transactionService() {
            InMemoryTransactions transactions = new InMemoryTransactions();
            return new TransactionService(
                    transactions,
                    transactions,
                    new TransactionListing(null, null), // SQL only: TransactionListingIT covers it
                    transactions.keys(),
                    new TransactionPublisher(new RecordingOutbox()),
                    (user, category) -> Mono.just(category.strip().toLowerCase(Locale.ROOT)),
                    (user, days) -> Mono.empty(),
                    new InlineTransactions(),
                    Clock.systemUTC());
        }
    }

    @Autowired
    WebTestClient web;

    private final UUID user = UUID.randomUUID();

    @Test
    void aValidExpenseIsCreatedWithItsLocationAndVersionTag() {
        web.post()
                .uri(TransactionController.PATH)
                .headers(this::authorised)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(today(anExpense()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, TransactionController.PATH + "/[0-9a-f-]{36}")
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.amount")
                .isEqualTo("12.50");
    }

    @Test
    void aMissingAmountIs400ValidationFailedNamingTheField() {
        expectProblem(post(without(today(anExpense()), "amount"), null), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("amount");
    }

    @Test
    void tooManyFractionDigitsForTheCurrencyIs400ValidationFailed() {
        expectProblem(post(with(today(anExpense()), "amount", "12.345"), null), 400, "VALIDATION_FAILED");
    }

    @Test
    void aBodyThatIsNotJsonIs400MalformedRequest() {
        expectProblem(
                web.post()
                        .uri(TransactionController.PATH)
                        .headers(this::authorised)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"type\":")
                        .exchange(),
                400,
                "MALFORMED_REQUEST");
    }

    @Test
    void anIdempotencyKeyWithLeadingSpaceIs400ValidationFailed() {
        expectProblem(post(today(anExpense()), " key"), 400, "VALIDATION_FAILED");
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs409() {
        post(today(anExpense()), "key-1").expectStatus().isCreated();

        expectProblem(post(with(today(anExpense()), "amount", "99.00"), "key-1"), 409, "BUDGET_IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aRequestWithoutTokenIs401() {
        expectProblem(
                web.post()
                        .uri(TransactionController.PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(today(anExpense()))
                        .exchange(),
                401,
                "AUTH_UNAUTHENTICATED");
    }

    @Test
    void aPatchThatNullsARequiredMemberIs400ValidationFailedNamingIt() {
        String id = createdId();

        expectProblem(patch(id, "{\"type\":null}", MediaType.APPLICATION_JSON, null), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("type");
    }

    @Test
    void aPatchWithAnObjectWhereTextBelongsIs400MalformedRequest() {
        String id = createdId();

        expectProblem(
                patch(id, "{\"category\":{\"x\":1}}", MediaType.APPLICATION_JSON, null), 400, "MALFORMED_REQUEST");
    }

    @Test
    void aMergePatchDocumentClearsTheMerchantAndKeepsTheRest() {
        String id = createdId();

        patch(id, "{\"merchant\":null}", MediaType.parseMediaType("application/merge-patch+json"), "\"0\"")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.merchant")
                .doesNotExist()
                .jsonPath("$.category")
                .isEqualTo("groceries");
    }

    @Test
    void aStaleIfMatchIs409VersionConflict() {
        String id = createdId();
        patch(id, "{\"amount\":\"13.00\"}", MediaType.APPLICATION_JSON, "\"0\"")
                .expectStatus()
                .isOk();

        expectProblem(
                patch(id, "{\"amount\":\"14.00\"}", MediaType.APPLICATION_JSON, "\"0\""),
                409,
                "BUDGET_TRANSACTION_VERSION_CONFLICT");
    }

    @Test
    void anIfMatchThatIsNoEntityTagIs400ValidationFailed() {
        String id = createdId();

        expectProblem(
                patch(id, "{\"amount\":\"1\"}", MediaType.APPLICATION_JSON, "not-a-version"), 400, "VALIDATION_FAILED");
    }

    @Test
    void patchingAnUnknownTransactionIs404() {
        expectProblem(
                patch(UUID.randomUUID().toString(), "{\"note\":\"x\"}", MediaType.APPLICATION_JSON, null),
                404,
                "BUDGET_TRANSACTION_NOT_FOUND");
    }

    @Test
    void aListLimitOfZeroIs400ValidationFailed() {
        expectProblem(
                web.get()
                        .uri(TransactionController.PATH + "?limit=0")
                        .headers(this::authorised)
                        .exchange(),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void anIdThatIsNoUuidIs400MalformedRequest() {
        expectProblem(
                web.get()
                        .uri(TransactionController.PATH + "/not-a-uuid")
                        .headers(this::authorised)
                        .exchange(),
                400,
                "MALFORMED_REQUEST");
    }

    private String createdId() {
        String location = post(today(anExpense()), null)
                .expectStatus()
                .isCreated()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> body, String idempotencyKey) {
        return web.post()
                .uri(TransactionController.PATH)
                .headers(this::authorised)
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set(TransactionController.IDEMPOTENCY_KEY, idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec patch(String id, String body, MediaType type, String ifMatch) {
        return web.patch()
                .uri(TransactionController.PATH + "/" + id)
                .headers(this::authorised)
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.setIfMatch(ifMatch);
                    }
                })
                .contentType(type)
                .bodyValue(body)
                .exchange();
    }

    private void authorised(HttpHeaders headers) {
        headers.setBearerAuth(TestTokens.forUser(user));
    }

    private static Map<String, Object> today(Map<String, Object> body) {
        return with(body, "occurredOn", LocalDate.now().toString());
    }
}

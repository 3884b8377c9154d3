package io.mita.budget.category;

import static io.mita.testsupport.ProblemResponses.expectProblem;

import io.mita.budget.support.InlineTransactions;
import io.mita.budget.support.RecordingOutbox;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.time.Clock;
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

/** Every answer of {@code /api/budget/categories}, refusals first, with the use cases on an in-memory store. */
@MitaWebFluxTest(CategoryController.class)
@Import(CategoryControllerTest.InMemoryUseCases.class)
class CategoryControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryUseCases {

        @Bean
        InMemoryCategories inMemoryCategories() {
            return new InMemoryCategories();
        }

        @Bean
        CategoryService categoryService(InMemoryCategories categories) {
            return new CategoryService(
                    categories,
                    new CategoryPublisher(new RecordingOutbox()),
                    new InlineTransactions(),
                    Clock.systemUTC());
        }
    }

    @Autowired
    WebTestClient web;

    @Autowired
    InMemoryCategories categories;

    private final UUID user = UUID.randomUUID();

    @Test
    void theListHoldsTheDefaultsWithTheirKinds() {
        web.get()
                .uri(CategoryController.PATH)
                .headers(this::authorised)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(11)
                .jsonPath("$[?(@.key == 'dining')].kind")
                .isEqualTo("DISCRETIONARY")
                .jsonPath("$[?(@.key == 'groceries')].isDefault")
                .isEqualTo(true);
    }

    @Test
    void aCreatedCategoryAnswers201WithItsLocation() {
        create(Map.of("name", "Coffee", "kind", "ESSENTIAL"))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, CategoryController.PATH + "/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.key")
                .isEqualTo("coffee")
                .jsonPath("$.kind")
                .isEqualTo("ESSENTIAL")
                .jsonPath("$.archived")
                .isEqualTo(false);
    }

    @Test
    void aBlankNameIs400NamingTheField() {
        expectProblem(create(Map.of("name", "  ")), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void aNameLongerThan64Is400() {
        expectProblem(create(Map.of("name", "n".repeat(65))), 400, "VALIDATION_FAILED");
    }

    @Test
    void anUnknownKindIs400NamingTheField() {
        expectProblem(create(Map.of("name", "Coffee", "kind", "LUXURY")), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("kind");
    }

    @Test
    void aDuplicateNameIs409() {
        create(Map.of("name", "Coffee")).expectStatus().isCreated();

        expectProblem(create(Map.of("name", "COFFEE")), 409, "CATEGORY_NAME_TAKEN");
    }

    @Test
    void aRenameAnswersTheCategoryWithItsNewNameAndOldKey() {
        String id = createdId("Coffee");

        web.patch()
                .uri(CategoryController.PATH + "/" + id)
                .headers(this::authorised)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Coffee & tea"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Coffee & tea")
                .jsonPath("$.key")
                .isEqualTo("coffee");
    }

    @Test
    void aRenameToATakenNameIs409() {
        String id = createdId("Coffee");

        expectProblem(rename(id, Map.of("name", "dining")), 409, "CATEGORY_NAME_TAKEN");
    }

    @Test
    void aRenameWithoutNameIs400() {
        expectProblem(rename(createdId("Coffee"), Map.of()), 400, "VALIDATION_FAILED");
    }

    @Test
    void anIdThatIsNoUuidIs400() {
        expectProblem(rename("not-a-uuid", Map.of("name", "x")), 400, "MALFORMED_REQUEST");
    }

    @Test
    void anotherUsersCategoryIs404ForRenameArchiveAndDelete() {
        String id = createdId("Coffee");
        UUID stranger = UUID.randomUUID();

        expectProblem(
                web.patch()
                        .uri(CategoryController.PATH + "/" + id)
                        .headers(headers -> headers.setBearerAuth(TestTokens.forUser(stranger, "USER")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("name", "Tea"))
                        .exchange(),
                404,
                "CATEGORY_NOT_FOUND");
        expectProblem(
                web.post()
                        .uri(CategoryController.PATH + "/" + id + "/archive")
                        .headers(headers -> headers.setBearerAuth(TestTokens.forUser(stranger, "USER")))
                        .exchange(),
                404,
                "CATEGORY_NOT_FOUND");
        expectProblem(
                web.delete()
                        .uri(CategoryController.PATH + "/" + id)
                        .headers(headers -> headers.setBearerAuth(TestTokens.forUser(stranger, "USER")))
                        .exchange(),
                404,
                "CATEGORY_NOT_FOUND");
    }

    @Test
    void anArchivedCategoryIsFlagged() {
        String id = createdId("Coffee");

        web.post()
                .uri(CategoryController.PATH + "/" + id + "/archive")
                .headers(this::authorised)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.archived")
                .isEqualTo(true)
                .jsonPath("$.archivedAt")
                .isNotEmpty();
    }

    @Test
    void anUnusedOwnCategoryIsDeletedWith204() {
        String id = createdId("Coffee");

        delete(id).expectStatus().isNoContent();
        expectProblem(delete(id), 404, "CATEGORY_NOT_FOUND");
    }

    @Test
    void aCategoryInUseIs409() {
        String id = createdId("Coffee");
        categories.markUsed(user, "coffee");

        expectProblem(delete(id), 409, "CATEGORY_IN_USE");
    }

    @Test
    void aDefaultCategoryIs409() {
        String groceries = web.get()
                .uri(CategoryController.PATH)
                .headers(this::authorised)
                .exchange()
                .expectBody(CategoryResponse[].class)
                .returnResult()
                .getResponseBody()[0]
                .id()
                .toString();

        expectProblem(delete(groceries), 409, "CATEGORY_IS_DEFAULT");
    }

    @Test
    void aRequestWithoutTokenIs401() {
        expectProblem(web.get().uri(CategoryController.PATH).exchange(), 401, "AUTH_UNAUTHENTICATED");
    }

    private String createdId(String name) {
        return create(Map.of("name", name))
                .expectStatus()
                .isCreated()
                .expectBody(CategoryResponse.class)
                .returnResult()
                .getResponseBody()
                .id()
                .toString();
    }

    private WebTestClient.ResponseSpec create(Map<String, ?> body) {
        return web.post()
                .uri(CategoryController.PATH)
                .headers(this::authorised)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec rename(String id, Map<String, ?> body) {
        return web.patch()
                .uri(CategoryController.PATH + "/" + id)
                .headers(this::authorised)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec delete(String id) {
        return web.delete()
                .uri(CategoryController.PATH + "/" + id)
                .headers(this::authorised)
                .exchange();
    }

    private void authorised(HttpHeaders headers) {
        headers.setBearerAuth(TestTokens.forUser(user, "USER"));
    }
}

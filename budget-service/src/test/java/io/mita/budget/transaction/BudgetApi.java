package io.mita.budget.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The transactions API as a client with a token sees it, for integration tests. */
final class BudgetApi extends ApiClient {

    static final String PATH = "/api/budget/transactions";

    BudgetApi(WebTestClient client) {
        super(client, PATH);
    }

    WebTestClient.ResponseSpec create(UUID user, String idempotencyKey, Object body) {
        return post(user, PATH, body, idempotencyKey);
    }

    /** Creates and answers the 201 body. */
    JsonNode created(UUID user, Object body) {
        return json(create(user, body).expectStatus().isCreated());
    }

    /**
     * Creates categories of the user's own (transactions must name an active category; tests that use names
     * outside the default set create them first).
     */
    void ownCategories(UUID user, String... names) {
        for (String name : names) {
            post(user, "/api/budget/categories", Map.of("name", name), null)
                    .expectStatus()
                    .isCreated();
        }
    }

    /** Every item of a listing, page after page, as the client follows nextCursor. */
    List<List<String>> pagesOfIds(UUID user, String query) {
        return pagesOfIds(user, query, null);
    }

    /** Like {@link #pagesOfIds(UUID, String)}, starting at a cursor an earlier page returned. */
    List<List<String>> pagesOfIds(UUID user, String query, String startCursor) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = startCursor;
        do {
            String uri = PATH + "?" + query + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = json(get(user, uri).expectStatus().isOk());
            List<String> ids = new ArrayList<>();
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
            pages.add(ids);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
            assertThat(pages).as("runaway pagination").hasSizeLessThan(100);
        } while (cursor != null);
        return pages;
    }
}

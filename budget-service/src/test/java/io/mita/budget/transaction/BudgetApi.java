package io.mita.budget.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The transactions API as a client with a token sees it, for integration tests. */
final class BudgetApi {

    static final String PATH = "/api/budget/transactions";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;

    BudgetApi(WebTestClient client) {
        this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    WebTestClient client() {
        return client;
    }

    static String bearer(UUID user) {
        return "Bearer " + TestTokens.forUser(user, "USER");
    }

    WebTestClient.ResponseSpec create(UUID user, Object body) {
        return create(user, null, body);
    }

    WebTestClient.ResponseSpec create(UUID user, String idempotencyKey, Object body) {
        return client.post()
                .uri(PATH)
                .header("Authorization", bearer(user))
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Creates and answers the 201 body. */
    JsonNode created(UUID user, Object body) {
        return json(create(user, body).expectStatus().isCreated());
    }

    UUID createdId(UUID user, Object body) {
        return UUID.fromString(created(user, body).get("id").asString());
    }

    /**
     * Creates categories of the user's own (transactions must name an active category; tests that use names
     * outside the default set create them first).
     */
    void ownCategories(UUID user, String... names) {
        for (String name : names) {
            client.post()
                    .uri("/api/budget/categories")
                    .header("Authorization", bearer(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(java.util.Map.of("name", name))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    WebTestClient.ResponseSpec get(UUID user, String uri) {
        return client.get().uri(uri).header("Authorization", bearer(user)).exchange();
    }

    WebTestClient.ResponseSpec get(UUID user, UUID id) {
        return get(user, PATH + "/" + id);
    }

    WebTestClient.ResponseSpec patch(UUID user, UUID id, Object body, String ifMatch) {
        return client.patch()
                .uri(PATH + "/" + id)
                .header("Authorization", bearer(user))
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.setIfMatch(ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec delete(UUID user, UUID id) {
        return client.delete()
                .uri(PATH + "/" + id)
                .header("Authorization", bearer(user))
                .exchange();
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

    static JsonNode json(WebTestClient.ResponseSpec response) {
        String body = response.expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    /** Asserts an RFC 9457 answer with this status and code, and returns its body. */
    static JsonNode problem(WebTestClient.ResponseSpec response, int status, String code) {
        JsonNode body = json(response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("correlationId").asString()).isNotBlank();
        assertThat(body.get("errorId").asString()).isNotBlank();
        return body;
    }

    /** The fields named in a validation problem's errors[]. */
    static List<String> fieldsInError(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }
}

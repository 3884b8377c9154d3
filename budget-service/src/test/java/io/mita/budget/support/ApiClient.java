package io.mita.budget.support;

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

/**
 * One resource of budget-service's API (e.g. {@code /api/budget/goals}) as clients with tokens see it, for the
 * integration tests; a feature's client extends it with what only that resource has.
 */
public class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;
    private final String path;

    protected ApiClient(WebTestClient client, String path) {
        this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        this.path = path;
    }

    public WebTestClient client() {
        return client;
    }

    public static String bearer(UUID user) {
        return "Bearer " + TestTokens.forUser(user, "USER");
    }

    /** POST to the resource. */
    public WebTestClient.ResponseSpec create(UUID user, Object body) {
        return post(user, path, body, null);
    }

    public UUID createdId(UUID user, Object body) {
        return UUID.fromString(
                json(create(user, body).expectStatus().isCreated()).get("id").asString());
    }

    /** POST with an optional body (JSON) and {@code Idempotency-Key}. */
    public WebTestClient.ResponseSpec post(UUID user, String uri, Object body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = client.post()
                .uri(uri)
                .header("Authorization", bearer(user))
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set("Idempotency-Key", idempotencyKey);
                    }
                });
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    public WebTestClient.ResponseSpec get(UUID user, String uri) {
        return client.get().uri(uri).header("Authorization", bearer(user)).exchange();
    }

    public WebTestClient.ResponseSpec get(UUID user, UUID id) {
        return get(user, path + "/" + id);
    }

    public WebTestClient.ResponseSpec patch(UUID user, UUID id, Object body, String ifMatch) {
        return client.patch()
                .uri(path + "/" + id)
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

    public WebTestClient.ResponseSpec delete(UUID user, UUID id) {
        return client.delete()
                .uri(path + "/" + id)
                .header("Authorization", bearer(user))
                .exchange();
    }

    public static JsonNode json(WebTestClient.ResponseSpec response) {
        String body = response.expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    /** Asserts an RFC 9457 answer with this status and code, and returns its body. */
    public static JsonNode problem(WebTestClient.ResponseSpec response, int status, String code) {
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
    public static List<String> fieldsInError(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }
}

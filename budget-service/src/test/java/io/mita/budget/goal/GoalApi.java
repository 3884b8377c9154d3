package io.mita.budget.goal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The goals API as a client with a token sees it, for integration tests. */
final class GoalApi {

    static final String PATH = GoalController.PATH;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;

    GoalApi(WebTestClient client) {
        this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    WebTestClient client() {
        return client;
    }

    static String bearer(UUID user) {
        return "Bearer " + TestTokens.forUser(user, "USER");
    }

    WebTestClient.ResponseSpec create(UUID user, Object body) {
        return post(user, PATH, body, null);
    }

    UUID createdId(UUID user, Object body) {
        return UUID.fromString(
                json(create(user, body).expectStatus().isCreated()).get("id").asString());
    }

    WebTestClient.ResponseSpec post(UUID user, String uri, Object body, String idempotencyKey) {
        WebTestClient.RequestBodySpec request = client.post()
                .uri(uri)
                .header("Authorization", bearer(user))
                .headers(headers -> {
                    if (idempotencyKey != null) {
                        headers.set(GoalController.IDEMPOTENCY_KEY, idempotencyKey);
                    }
                });
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    WebTestClient.ResponseSpec contribute(UUID user, UUID goal, Object body, String idempotencyKey) {
        return post(user, PATH + "/" + goal + "/contributions", body, idempotencyKey);
    }

    WebTestClient.ResponseSpec transition(UUID user, UUID goal, String verb) {
        return post(user, PATH + "/" + goal + "/" + verb, null, null);
    }

    WebTestClient.ResponseSpec get(UUID user, String uri) {
        return client.get().uri(uri).header("Authorization", bearer(user)).exchange();
    }

    WebTestClient.ResponseSpec get(UUID user, UUID goal) {
        return get(user, PATH + "/" + goal);
    }

    WebTestClient.ResponseSpec patch(UUID user, UUID goal, Object body, String ifMatch) {
        return client.patch()
                .uri(PATH + "/" + goal)
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

    WebTestClient.ResponseSpec delete(UUID user, UUID goal) {
        return client.delete()
                .uri(PATH + "/" + goal)
                .header("Authorization", bearer(user))
                .exchange();
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
        assertThat(body.get("errorId").asString()).isNotBlank();
        return body;
    }
}

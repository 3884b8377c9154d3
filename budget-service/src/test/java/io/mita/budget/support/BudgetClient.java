package io.mita.budget.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** budget-service's API as one user with a token sees it, for the integration tests of categories and plans. */
public final class BudgetClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;
    private final UUID user;

    public BudgetClient(WebTestClient client, UUID user) {
        this.client = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        this.user = user;
    }

    /** The API as a user nobody has seen before (a random id with a valid token): each test its own budget. */
    public static BudgetClient forANewUser(WebTestClient client) {
        return new BudgetClient(client, UUID.randomUUID());
    }

    public UUID user() {
        return user;
    }

    public WebTestClient.ResponseSpec get(String path) {
        return client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange();
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        WebTestClient.RequestBodySpec request = client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer());
        return body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange();
    }

    public WebTestClient.ResponseSpec put(String path, Object body, String ifMatch) {
        return client.put()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .headers(headers -> {
                    if (ifMatch != null) {
                        headers.set(HttpHeaders.IF_MATCH, ifMatch);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec patch(String path, Object body) {
        return client.patch()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    public WebTestClient.ResponseSpec delete(String path) {
        return client.delete()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange();
    }

    /** Records an expense and answers its id. */
    public UUID spend(String amount, String category, String occurredOn) {
        JsonNode created = json(post(
                        "/api/budget/transactions",
                        Map.of(
                                "type", "EXPENSE",
                                "amount", amount,
                                "currency", "EUR",
                                "category", category,
                                "occurredOn", occurredOn))
                .expectStatus()
                .isCreated());
        return UUID.fromString(created.get("id").asString());
    }

    public String bearer() {
        return "Bearer " + TestTokens.forUser(user, "USER");
    }

    public static JsonNode json(WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectBody(String.class).returnResult().getResponseBody());
    }

    /** Asserts an RFC 9457 answer with this status and code, and returns its body. */
    public static JsonNode problem(WebTestClient.ResponseSpec response, int status, String code) {
        JsonNode body = json(response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(body.get("code").asString()).isEqualTo(code);
        return body;
    }
}

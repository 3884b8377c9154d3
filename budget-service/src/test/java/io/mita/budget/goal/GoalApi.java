package io.mita.budget.goal;

import io.mita.budget.support.ApiClient;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The goals API as a client with a token sees it, for integration tests. */
final class GoalApi extends ApiClient {

    static final String PATH = GoalController.PATH;

    GoalApi(WebTestClient client) {
        super(client, PATH);
    }

    WebTestClient.ResponseSpec contribute(UUID user, UUID goal, Object body, String idempotencyKey) {
        return post(user, PATH + "/" + goal + "/contributions", body, idempotencyKey);
    }

    WebTestClient.ResponseSpec transition(UUID user, UUID goal, String verb) {
        return post(user, PATH + "/" + goal + "/" + verb, null, null);
    }
}

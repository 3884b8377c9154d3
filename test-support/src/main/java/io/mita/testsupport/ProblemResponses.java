package io.mita.testsupport;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The one way web tests check a refusal: status, {@code application/problem+json} and the stable {@code code}. */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** Asserts the problem and returns its body for further checks (e.g. {@code errors[].field}). */
    public static WebTestClient.BodyContentSpec expectProblem(
            WebTestClient.ResponseSpec response, int status, String code) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.errorId")
                .isNotEmpty();
    }
}

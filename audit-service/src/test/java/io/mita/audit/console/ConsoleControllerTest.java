package io.mita.audit.console;

import static io.mita.testsupport.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaWebFluxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The console's files as a browser gets them from audit-service, without a token: the right content types (scripts
 * must be JavaScript for a module to run under {@code X-Content-Type-Options: nosniff}) and cache headers that make a
 * browser revalidate every file.
 */
@MitaWebFluxTest(ConsoleController.class)
class ConsoleControllerTest {

    @Autowired
    WebTestClient web;

    @Test
    void thePageIsServedWithoutATokenAsUtf8HtmlThatTheBrowserMustRevalidate() {
        var result = web.get()
                .uri("/audit/console/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/html;charset=UTF-8")
                .expectHeader()
                .cacheControl(ConsoleResources.CACHE_CONTROL)
                .expectBody(String.class)
                .returnResult();

        assertThat(result.getResponseHeaders().getETag()).matches("\"[0-9a-f]{32}\"");
        assertThat(result.getResponseBody()).contains("<script type=\"module\" src=\"app.js\"></script>");
    }

    @Test
    void aBrowserHoldingTheCurrentPageIsAnswered304() {
        String etag = web.get()
                .uri("/audit/console/")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();

        web.get()
                .uri("/audit/console/")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectBody()
                .isEmpty();
    }

    @Test
    void withoutTheTrailingSlashTheBrowserIsSentToThePage() {
        web.get()
                .uri("/audit/console")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/audit/console/");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "app.js, text/javascript",
        "api.js, text/javascript",
        "events.js, text/javascript",
        "integrity.js, text/javascript",
        "console.css, text/css",
        "favicon.svg, image/svg+xml",
        "index.html, text/html"
    })
    void eachFileHasItsContentTypeAndIsRevalidatedByItsContentEtag(String file, String type) {
        String etag = web.get()
                .uri("/audit/console/" + file)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType(type))
                .expectHeader()
                .cacheControl(ConsoleResources.CACHE_CONTROL)
                .expectHeader()
                .doesNotExist(HttpHeaders.LAST_MODIFIED)
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();

        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        web.get()
                .uri("/audit/console/" + file)
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
    }

    @Test
    void aFileTheConsoleDoesNotHaveIs404() {
        expectProblem(web.get().uri("/audit/console/missing.js").exchange(), 404, "NOT_FOUND");
    }

    @Test
    void onlyTheConsoleIsPublicTheAuditApiStillWantsAToken() {
        expectProblem(web.get().uri("/api/audit/events").exchange(), 401, "AUTH_UNAUTHENTICATED");
        expectProblem(web.get().uri("/audit/consoles").exchange(), 401, "AUTH_UNAUTHENTICATED");
    }
}

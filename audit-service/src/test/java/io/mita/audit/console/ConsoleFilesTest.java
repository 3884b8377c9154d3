package io.mita.audit.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.core.io.ClassPathResource;

/**
 * What the gateway's Content-Security-Policy for pages and the issue ask of the console's files, checked in their
 * text: no inline script, style or event handler, nothing from another origin, no HTML built from strings (event data
 * is anyone's text), and the token kept in memory only.
 */
class ConsoleFilesTest {

    static final List<String> SCRIPTS = List.of("app.js", "api.js", "events.js", "integrity.js");

    @Test
    void thePageLoadsItsScriptAsAModuleFromItsOwnOriginAndHasNothingInline() throws IOException {
        String html = read("index.html");

        assertThat(Pattern.compile("<script(?![^>]*\\ssrc=\"[a-z]+\\.js\")")
                        .matcher(html)
                        .find())
                .as("every <script> has a local src")
                .isFalse();
        assertThat(html).contains("<script type=\"module\" src=\"app.js\"></script>");
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
                        .matcher(html)
                        .find())
                .as("no inline event handler")
                .isFalse();
        assertThat(html).doesNotContain("<style", " style=", "javascript:", "http://", "https://");
    }

    @ParameterizedTest
    @FieldSource("SCRIPTS")
    void scriptsBuildNoHtmlFromStringsEvaluateNoCodeAndStoreNoToken(String file) throws IOException {
        String script = read(file);

        assertThat(script)
                .doesNotContain(
                        "innerHTML",
                        "outerHTML",
                        "insertAdjacentHTML",
                        "document.write",
                        "eval(",
                        "new Function",
                        "localStorage",
                        "sessionStorage",
                        "indexedDB",
                        "document.cookie",
                        "http://",
                        "https://");
    }

    @Test
    void theStylesLoadNothingFromAnotherOrigin() throws IOException {
        assertThat(read("console.css")).doesNotContain("@import", "url(");
    }

    @Test
    void everyFileIsPlainAscii() throws IOException {
        List<String> files = new ArrayList<>(SCRIPTS);
        files.addAll(List.of("index.html", "console.css", "favicon.svg"));
        for (String file : files) {
            assertThat(read(file).chars().allMatch(c -> c < 128)).as(file).isTrue();
        }
    }

    private static String read(String file) throws IOException {
        try (InputStream in = new ClassPathResource("console/" + file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

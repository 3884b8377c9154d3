package io.mita.audit.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The compliance console's page at {@code /audit/console/} (its scripts and styles: {@link ConsoleResources}). The
 * page is public, like any login page: it holds no data, and every call it makes to the audit API carries the token
 * its user obtained by logging in. Not part of the API's OpenAPI document.
 */
@Hidden
@Controller
class ConsoleController {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ContentEtags etags;

    ConsoleController(ContentEtags etags) {
        this.etags = etags;
    }

    /** Without the trailing slash the page's relative links would resolve against {@code /audit/}. */
    @GetMapping(ConsoleResources.PATH)
    ResponseEntity<Void> toPage() {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(ConsoleResources.PATH + "/"))
                .build();
    }

    /** A browser that sends the current ETag back is answered 304. */
    @GetMapping(ConsoleResources.PATH + "/")
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(HTML)
                .cacheControl(ConsoleResources.CACHE_CONTROL)
                .eTag(etags.of(ConsoleResources.PAGE))
                .body(ConsoleResources.PAGE);
    }
}

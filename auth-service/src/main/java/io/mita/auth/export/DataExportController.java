package io.mita.auth.export;

import io.mita.common.security.CurrentUser;
import java.net.URI;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Export of the caller's data (GDPR Art. 15 and 20): {@code POST /api/auth/me/export} → 202 with the export's state
 * and {@code Location}; {@code GET /api/auth/me/exports/{id}} its state; {@code GET …/{id}/archive} the ZIP, streamed
 * from its stored chunks with the stored size as {@code Content-Length}.
 */
@RestController
class DataExportController {

    static final String EXPORTS = "/api/auth/me/exports/";
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final RequestDataExport request;
    private final ReadDataExport read;

    DataExportController(RequestDataExport request, ReadDataExport read) {
        this.request = request;
        this.read = read;
    }

    @PostMapping("/api/auth/me/export")
    Mono<ResponseEntity<DataExportResponse>> request(CurrentUser user) {
        return request.request(user.userId())
                .map(export -> ResponseEntity.accepted()
                        .location(URI.create(EXPORTS + export.id()))
                        .body(DataExportResponse.of(export)));
    }

    @GetMapping(EXPORTS + "{id}")
    Mono<DataExportResponse> status(CurrentUser user, @PathVariable UUID id) {
        return read.status(user.userId(), id).map(DataExportResponse::of);
    }

    @GetMapping(EXPORTS + "{id}/archive")
    Mono<ResponseEntity<Flux<DataBuffer>>> archive(CurrentUser user, @PathVariable UUID id) {
        return read.download(user.userId(), id)
                .map(download -> ResponseEntity.ok()
                        .contentType(ZIP)
                        .contentLength(download.export().archiveSize())
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename("mita-data-export-" + id + ".zip")
                                        .build()
                                        .toString())
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(download.bytes().map(DefaultDataBufferFactory.sharedInstance::wrap)));
    }
}

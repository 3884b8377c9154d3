package io.mita.budget.transaction;

import io.mita.budget.web.EntityTags;
import io.mita.budget.web.IdempotencyKeyHeader;
import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/budget/transactions} (the gateway forwards the path unchanged). The owner is always the
 * token's {@link CurrentUser}; nothing in a body can name another user or choose an id. Responses carry
 * the version as a strong ETag, which PATCH accepts back in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/budget/transactions")
class TransactionController {

    static final String PATH = "/api/budget/transactions";
    static final String IDEMPOTENCY_KEY = IdempotencyKeyHeader.NAME;

    private final TransactionService service;

    TransactionController(TransactionService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TransactionResponse>> create(
            CurrentUser user,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody CreateTransactionRequest request) {
        IdempotencyKeyHeader.check(idempotencyKey);
        return service.create(user.userId(), request.toDraft(), idempotencyKey)
                .map(created -> ResponseEntity.created(URI.create(PATH + "/" + created.id()))
                        .eTag(EntityTags.of(created.version()))
                        .body(TransactionResponse.of(created)));
    }

    @GetMapping
    Mono<TransactionPageResponse> list(
            CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(min = 1, max = 64) String category,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) @Min(1) @Max(TransactionQuery.MAX_LIMIT) Integer limit) {
        TransactionQuery query = new TransactionQuery(
                user.userId(),
                from,
                to,
                category,
                cursor == null ? null : TransactionCursor.decode(cursor),
                limit == null ? TransactionQuery.DEFAULT_LIMIT : limit);
        return service.list(query).map(TransactionPageResponse::of);
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<TransactionResponse>> get(CurrentUser user, @PathVariable UUID id) {
        return service.get(user.userId(), id)
                .map(found ->
                        ResponseEntity.ok().eTag(EntityTags.of(found.version())).body(TransactionResponse.of(found)));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    Mono<ResponseEntity<TransactionResponse>> update(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateTransactionRequest patch) {
        Long expectedVersion = EntityTags.expectedVersion(ifMatch);
        return service.update(user.userId(), id, patch, expectedVersion)
                .map(updated -> ResponseEntity.ok()
                        .eTag(EntityTags.of(updated.version()))
                        .body(TransactionResponse.of(updated)));
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(CurrentUser user, @PathVariable UUID id) {
        return service.delete(user.userId(), id)
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }
}

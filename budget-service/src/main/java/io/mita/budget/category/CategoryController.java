package io.mita.budget.category;

import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/budget/categories}: the caller's categories (the default set and their own). */
@RestController
@RequestMapping(CategoryController.PATH)
class CategoryController {

    static final String PATH = "/api/budget/categories";

    private final CategoryService service;

    CategoryController(CategoryService service) {
        this.service = service;
    }

    @GetMapping
    Mono<List<CategoryResponse>> list(CurrentUser user) {
        return service.list(user.userId())
                .map(all -> all.stream().map(CategoryResponse::of).toList());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<CategoryResponse>> create(CurrentUser user, @Valid @RequestBody CreateCategoryRequest request) {
        return service.create(user.userId(), request.name(), request.kindOrNull())
                .map(created -> ResponseEntity.created(URI.create(PATH + "/" + created.id()))
                        .body(CategoryResponse.of(created)));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    Mono<CategoryResponse> rename(
            CurrentUser user, @PathVariable UUID id, @Valid @RequestBody RenameCategoryRequest request) {
        return service.rename(user.userId(), id, request.name()).map(CategoryResponse::of);
    }

    @PostMapping("/{id}/archive")
    Mono<CategoryResponse> archive(CurrentUser user, @PathVariable UUID id) {
        return service.archive(user.userId(), id).map(CategoryResponse::of);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(CurrentUser user, @PathVariable UUID id) {
        return service.delete(user.userId(), id)
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }
}

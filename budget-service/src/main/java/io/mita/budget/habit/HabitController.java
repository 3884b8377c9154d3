package io.mita.budget.habit;

import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/budget/habits}: the caller's spending habits, their marked days and their progress. */
@RestController
@RequestMapping(HabitController.PATH)
class HabitController {

    static final String PATH = "/api/budget/habits";
    static final int DEFAULT_PERIODS = 31;
    static final int MAX_PERIODS = 366;

    private final HabitService service;

    HabitController(HabitService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<HabitResponse>> create(CurrentUser user, @Valid @RequestBody CreateHabitRequest request) {
        return service.create(user.userId(), request)
                .map(created -> ResponseEntity.created(URI.create(PATH + "/" + created.id()))
                        .body(HabitResponse.of(created)));
    }

    @GetMapping
    Mono<HabitListResponse> list(CurrentUser user) {
        return service.list(user.userId()).map(HabitResponse::of).collectList().map(HabitListResponse::new);
    }

    @GetMapping("/{id}")
    Mono<HabitResponse> get(CurrentUser user, @PathVariable UUID id) {
        return service.get(user.userId(), id).map(HabitResponse::of);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    Mono<HabitResponse> update(CurrentUser user, @PathVariable UUID id, @RequestBody ObjectNode patch) {
        return service.update(user.userId(), id, patch).map(HabitResponse::of);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(CurrentUser user, @PathVariable UUID id) {
        return service.delete(user.userId(), id)
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    /** 201 the first time a day is marked, 200 (the same answer) every time after. */
    @PostMapping("/{id}/completions/{day}")
    Mono<ResponseEntity<HabitCompletionResponse>> complete(
            CurrentUser user,
            @PathVariable UUID id,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return service.complete(user.userId(), id, day)
                .map(completion -> ResponseEntity.status(completion.first() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(HabitCompletionResponse.of(completion)));
    }

    /** Streaks and counts over the habit's life, with its latest {@code periods} periods (default 31). */
    @GetMapping("/{id}/progress")
    Mono<HabitProgressResponse> progress(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Min(1) @Max(MAX_PERIODS) Integer periods) {
        int shown = periods == null ? DEFAULT_PERIODS : periods;
        return service.progress(user.userId(), id)
                .map(found ->
                        HabitProgressResponse.of(found.habit(), found.progress().latest(shown)));
    }
}

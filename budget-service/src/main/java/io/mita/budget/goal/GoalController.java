package io.mita.budget.goal;

import io.mita.budget.web.EntityTags;
import io.mita.budget.web.IdempotencyKeyHeader;
import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * {@code /api/budget/goals} (the gateway forwards the path unchanged). The owner is always the token's
 * {@link CurrentUser}. Goal responses carry the version as a strong ETag, which PATCH and DELETE accept back
 * in {@code If-Match} (a stale one is 412 {@code GOAL_PRECONDITION_FAILED}).
 */
@RestController
@RequestMapping("/api/budget/goals")
class GoalController {

    static final String PATH = "/api/budget/goals";
    static final String IDEMPOTENCY_KEY = IdempotencyKeyHeader.NAME;

    private final GoalService goals;
    private final GoalContributionService contributions;

    GoalController(GoalService goals, GoalContributionService contributions) {
        this.goals = goals;
        this.contributions = contributions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<GoalResponse>> create(CurrentUser user, @Valid @RequestBody CreateGoalRequest request) {
        return goals.create(user.userId(), request.toDraft())
                .map(created -> ResponseEntity.created(URI.create(PATH + "/" + created.id()))
                        .eTag(EntityTags.of(created.version()))
                        .body(GoalResponse.of(created)));
    }

    @GetMapping
    Mono<GoalListResponse> list(CurrentUser user, @RequestParam(required = false) GoalStatus status) {
        return goals.list(user.userId(), status)
                .map(GoalResponse::of)
                .collectList()
                .map(GoalListResponse::new);
    }

    @GetMapping("/statistics")
    Mono<GoalStatisticsResponse> statistics(CurrentUser user) {
        return goals.statistics(user.userId()).map(GoalStatisticsResponse::of);
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<GoalResponse>> get(CurrentUser user, @PathVariable UUID id) {
        return goals.get(user.userId(), id).map(GoalController::ok);
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    Mono<ResponseEntity<GoalResponse>> update(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody UpdateGoalRequest patch) {
        Long expectedVersion = EntityTags.expectedVersion(ifMatch);
        return goals.update(user.userId(), id, patch, expectedVersion).map(GoalController::ok);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expectedVersion = EntityTags.expectedVersion(ifMatch);
        return goals.delete(user.userId(), id, expectedVersion)
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }

    @PostMapping("/{id}/pause")
    Mono<ResponseEntity<GoalResponse>> pause(CurrentUser user, @PathVariable UUID id) {
        return goals.pause(user.userId(), id).map(GoalController::ok);
    }

    @PostMapping("/{id}/resume")
    Mono<ResponseEntity<GoalResponse>> resume(CurrentUser user, @PathVariable UUID id) {
        return goals.resume(user.userId(), id).map(GoalController::ok);
    }

    @PostMapping("/{id}/complete")
    Mono<ResponseEntity<GoalResponse>> complete(CurrentUser user, @PathVariable UUID id) {
        return goals.complete(user.userId(), id).map(GoalController::ok);
    }

    @GetMapping("/{id}/health")
    Mono<GoalHealthResponse> health(CurrentUser user, @PathVariable UUID id) {
        return goals.health(user.userId(), id);
    }

    @PostMapping(path = "/{id}/contributions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ContributionResponse>> contribute(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody CreateContributionRequest request) {
        IdempotencyKeyHeader.check(idempotencyKey);
        return contributions
                .contribute(user.userId(), id, request.toDraft(), idempotencyKey)
                .map(made -> ResponseEntity.status(HttpStatus.CREATED).body(ContributionResponse.of(made)));
    }

    @GetMapping("/{id}/contributions")
    Mono<ContributionResponse.Listing> contributions(CurrentUser user, @PathVariable UUID id) {
        return contributions
                .list(user.userId(), id)
                .map(ContributionResponse::of)
                .collectList()
                .map(ContributionResponse.Listing::new);
    }

    private static ResponseEntity<GoalResponse> ok(Goal goal) {
        return ResponseEntity.ok().eTag(EntityTags.of(goal.version())).body(GoalResponse.of(goal));
    }
}

package io.mita.budget.goal;

import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Printable ASCII, 1 to 128 characters, no leading or trailing space (as for transactions). */
    private static final Pattern IDEMPOTENCY_KEY_FORMAT =
            Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]{0,126}[\\x21-\\x7E])?");
    /** An entity tag as we make them ("3"), also accepted weak or unquoted. */
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

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
                        .eTag(etag(created))
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
        Long expectedVersion = expectedVersion(ifMatch);
        return goals.update(user.userId(), id, patch, expectedVersion).map(GoalController::ok);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Long expectedVersion = expectedVersion(ifMatch);
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
        checkIdempotencyKey(idempotencyKey);
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
        return ResponseEntity.ok().eTag(etag(goal)).body(GoalResponse.of(goal));
    }

    private static String etag(Goal goal) {
        return "\"" + goal.version() + "\"";
    }

    private static void checkIdempotencyKey(String key) {
        if (key != null && !IDEMPOTENCY_KEY_FORMAT.matcher(key).matches()) {
            throw new InvalidGoalException(
                    IDEMPOTENCY_KEY, "must be 1 to 128 printable ASCII characters without leading or trailing spaces");
        }
    }

    /** The version an If-Match names; null when there is none or it is "*" (any current version). */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidGoalException(
                    HttpHeaders.IF_MATCH, "must be an entity tag this API returned, such as \"3\"");
        }
        return Long.valueOf(matcher.group(1));
    }
}

package io.mita.budget.plan;

import io.mita.common.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/budget/plans/{yyyy-MM}}: the caller's plan of a month, its copy forward, a suggestion, and its
 * redistributions. Plans carry their version as a strong ETag; changing an existing plan needs it back in
 * {@code If-Match} (docs/budget.md, "Monthly plans").
 */
@RestController
@RequestMapping(PlanController.PATH)
class PlanController {

    static final String PATH = "/api/budget/plans";
    /** An entity tag as we make them ("3"), also accepted weak or unquoted. */
    private static final Pattern VERSION_TAG = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    private final PlanService service;
    private final Clock clock;

    PlanController(PlanService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GetMapping("/{month}")
    Mono<ResponseEntity<PlanResponse>> get(CurrentUser user, @PathVariable String month) {
        return service.get(user.userId(), month(month)).map(PlanController::ok);
    }

    @PutMapping(path = "/{month}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<PlanResponse>> put(
            CurrentUser user,
            @PathVariable String month,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PutPlanRequest request) {
        YearMonth yearMonth = month(month);
        PlanService.Precondition precondition = precondition(ifMatch);
        return service.put(user.userId(), yearMonth, request.toPlan(user.userId(), yearMonth), precondition)
                .map(saved -> saved.created()
                        ? ResponseEntity.created(URI.create(PATH + "/" + yearMonth))
                                .eTag(etag(saved.plan()))
                                .body(PlanResponse.of(saved.plan()))
                        : ok(saved.plan()));
    }

    @PostMapping("/{month}/copy-previous")
    Mono<ResponseEntity<PlanResponse>> copyPrevious(CurrentUser user, @PathVariable String month) {
        YearMonth yearMonth = month(month);
        return service.copyPrevious(user.userId(), yearMonth)
                .map(copy -> ResponseEntity.created(URI.create(PATH + "/" + yearMonth))
                        .eTag(etag(copy))
                        .body(PlanResponse.of(copy)));
    }

    @GetMapping("/{month}/suggestion")
    PlanResponse suggestion(
            CurrentUser user,
            @PathVariable String month,
            @RequestParam(required = false) String income,
            @RequestParam(required = false, defaultValue = "EUR") String currency) {
        if (income == null) {
            throw new InvalidPlanRequestException("income", "must be given, such as ?income=2500.00");
        }
        return PlanResponse.of(service.suggestion(user.userId(), month(month), income, currency));
    }

    @PostMapping("/{month}/redistribute")
    Mono<RedistributionResponse> redistribute(CurrentUser user, @PathVariable String month) {
        return service.redistribute(user.userId(), month(month))
                .map(done -> RedistributionResponse.of(done.run(), done.plan().currency()));
    }

    @GetMapping("/{month}/redistributions")
    Mono<List<RedistributionResponse>> redistributions(CurrentUser user, @PathVariable String month) {
        return service.runs(user.userId(), month(month))
                .map(found -> found.runs().stream()
                        .map(run -> RedistributionResponse.of(run, found.plan().currency()))
                        .toList());
    }

    private YearMonth month(String text) {
        return PlanMonth.parse(text, clock);
    }

    private static ResponseEntity<PlanResponse> ok(Plan plan) {
        return ResponseEntity.status(HttpStatus.OK).eTag(etag(plan)).body(PlanResponse.of(plan));
    }

    private static String etag(Plan plan) {
        return "\"" + plan.version() + "\"";
    }

    static PlanService.Precondition precondition(String ifMatch) {
        if (ifMatch == null) {
            return PlanService.Precondition.NONE;
        }
        if (ifMatch.strip().equals("*")) {
            return PlanService.Precondition.ANY;
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidPlanRequestException(
                    HttpHeaders.IF_MATCH, "must be an entity tag this API returned, such as \"3\"");
        }
        return PlanService.Precondition.version(Long.parseLong(matcher.group(1)));
    }
}

package io.mita.insights.rebuild;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The operator's rebuild command (ADMIN): replays the budget topic into fresh projections and answers the counts. */
@RestController
class RebuildController {

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/insights/admin/projections/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<ProjectionRebuild.RebuildReport> rebuild() {
        return Mono.fromCallable(rebuild::rebuild).subscribeOn(Schedulers.boundedElastic());
    }
}

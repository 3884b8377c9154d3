package io.mita.insights.insight;

import io.mita.common.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/insights")
class InsightController {

    private final InsightService insights;

    InsightController(InsightService insights) {
        this.insights = insights;
    }

    /** The caller's insights for a month ({@code yyyy-MM}); without {@code month}, the current one (UTC). */
    @GetMapping
    Mono<InsightListResponse> list(@RequestParam(required = false) String month, CurrentUser user) {
        return insights.ofMonth(user.userId(), month);
    }
}

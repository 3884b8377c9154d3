package io.mita.insights.insight;

import io.mita.common.security.CurrentUser;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    /** One of the caller's insights, dismissed or not; another user's id answers 404 like an unknown one. */
    @GetMapping("/{id}")
    Mono<InsightResponse> get(@PathVariable UUID id, CurrentUser user) {
        return insights.get(user.userId(), id);
    }

    /** Dismisses one of the caller's insights: it leaves the month's list; answers the insight. */
    @PostMapping("/{id}/dismiss")
    Mono<InsightResponse> dismiss(@PathVariable UUID id, CurrentUser user) {
        return insights.dismiss(user.userId(), id);
    }
}

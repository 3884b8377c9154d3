package io.mita.insights.insight;

import io.mita.common.security.CurrentUser;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/insights")
class InsightController {

    private final InsightRepository insights;
    private final Clock clock;

    InsightController(InsightRepository insights) {
        this.insights = insights;
        this.clock = Clock.systemUTC();
    }

    /** The caller's insights for a month ({@code yyyy-MM}); without {@code month}, the current one (UTC). */
    @GetMapping
    Mono<InsightListResponse> list(@RequestParam(required = false) String month, CurrentUser user) {
        YearMonth wanted = month == null ? YearMonth.now(clock) : parse(month);
        return insights.findByUserAndMonth(user.userId(), wanted)
                .collectList()
                .map(items -> new InsightListResponse(wanted.toString(), items));
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidMonthException(month);
        }
    }
}

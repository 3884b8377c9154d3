package io.mita.budget.analytics;

import io.mita.common.security.CurrentUser;
import java.time.YearMonth;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/budget/analytics}: the caller's spending (expenses only) per category per month over a range of
 * at most 24 months, and per day within a month. A month that is not {@code yyyy-MM} is 400
 * {@code MALFORMED_REQUEST}; a range that is reversed or too long is 422 {@code BUDGET_ANALYTICS_RANGE_INVALID}.
 */
@RestController
@RequestMapping(AnalyticsController.PATH)
class AnalyticsController {

    static final String PATH = "/api/budget/analytics";

    private final SpendingAnalytics analytics;

    AnalyticsController(SpendingAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/categories")
    Mono<CategorySpendingResponse> categories(
            CurrentUser user,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
        return analytics.byCategoryAndMonth(user.userId(), from, to);
    }

    @GetMapping("/days/{month}")
    Mono<DailySpendingResponse> days(
            CurrentUser user, @PathVariable @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return analytics.byDay(user.userId(), month);
    }
}

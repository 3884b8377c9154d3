package io.mita.budget.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The spending analytics use cases: one aggregate query each, shaped into buckets by {@link SpendingBuckets}. */
@Service
class SpendingAnalytics {

    private final SpendingRepository spending;

    SpendingAnalytics(SpendingRepository spending) {
        this.spending = spending;
    }

    /** Per month of the range, per category and currency. Every month of the range is listed, empty ones too. */
    Mono<CategorySpendingResponse> byCategoryAndMonth(UUID userId, YearMonth from, YearMonth to) {
        return Mono.fromCallable(() -> new AnalyticsRange(from, to))
                .flatMap(range -> spending.byMonth(userId, range.firstDay(), range.lastDay())
                        .collectList()
                        .map(rows -> SpendingBuckets.months(range, rows)));
    }

    /** Per day of the month, per category and currency. Every day of the month is listed, empty ones too. */
    Mono<DailySpendingResponse> byDay(UUID userId, YearMonth month) {
        return Mono.fromCallable(() -> AnalyticsRange.of(month)).flatMap(range -> {
            LocalDate first = range.firstDay();
            return spending.byDay(userId, first, range.lastDay())
                    .collectList()
                    .map(rows -> SpendingBuckets.days(month, rows));
        });
    }
}

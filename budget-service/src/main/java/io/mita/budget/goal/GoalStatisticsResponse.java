package io.mita.budget.goal;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/budget/goals/statistics}: counts, the mean progress (absent without goals) and the totals
 * per currency (never added across currencies). Amounts are decimal strings.
 */
record GoalStatisticsResponse(
        int goals,
        int active,
        int paused,
        int completed,
        int overdue,
        BigDecimal averageProgressPercent,
        List<CurrencyTotals> byCurrency) {

    record CurrencyTotals(String currency, int goals, String saved, String target, String remaining) {}

    static GoalStatisticsResponse of(GoalStatistics statistics) {
        return new GoalStatisticsResponse(
                statistics.goals(),
                statistics.byStatus().get(GoalStatus.ACTIVE),
                statistics.byStatus().get(GoalStatus.PAUSED),
                statistics.byStatus().get(GoalStatus.COMPLETED),
                statistics.overdue(),
                statistics.averageProgressPercent(),
                statistics.byCurrency().stream()
                        .map(t -> new CurrencyTotals(
                                t.currency(),
                                t.goals(),
                                t.saved().toPlainString(),
                                t.target().toPlainString(),
                                t.remaining().toPlainString()))
                        .toList());
    }
}

package io.mita.budget.analytics;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/budget/analytics/days/{yyyy-MM}}: spending per day of the month, per category. */
record DailySpendingResponse(String month, List<Day> days) {

    record Day(LocalDate date, List<CategorySpending> categories, List<CurrencyTotal> totals) {}
}

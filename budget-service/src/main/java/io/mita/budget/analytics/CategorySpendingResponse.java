package io.mita.budget.analytics;

import java.util.List;

/** {@code GET /api/budget/analytics/categories}: spending per month of the range ({@code yyyy-MM}), per category. */
record CategorySpendingResponse(String from, String to, List<Month> months) {

    record Month(String month, List<CategorySpending> categories, List<CurrencyTotal> totals) {}
}

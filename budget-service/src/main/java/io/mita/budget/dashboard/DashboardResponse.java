package io.mita.budget.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/budget/dashboard}: the caller's day at a glance (docs/budget.md, "Dashboard"). {@code budget}
 * is null when the month has no plan; amounts are decimal strings in the plan's currency.
 */
record DashboardResponse(
        LocalDate today,
        String zone,
        String month,
        Budget budget,
        List<DashboardTransaction> latestTransactions,
        List<DashboardGoal> nextGoals,
        List<DashboardHabit> habits) {

    /**
     * Today's safe-to-spend and the month to date: per category the month's planned amount (after
     * redistribution), what was spent from the first of the month up to today, and what remains of the month.
     */
    record Budget(
            String currency,
            String safeToSpendToday,
            String planned,
            String spent,
            String remaining,
            List<CategoryToDate> categories) {}

    record CategoryToDate(String category, String planned, String spent, String remaining) {}
}

package io.mita.budget.dashboard;

import io.mita.budget.plan.PlannedMonth;
import java.util.List;

/** What the dashboard is computed from, as one statement read it; {@code month} is null without a plan. */
record DashboardParts(
        PlannedMonth month,
        List<DashboardTransaction> latestTransactions,
        List<DashboardGoal> nextGoals,
        List<DashboardHabit> habits) {}

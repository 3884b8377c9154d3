package io.mita.insights.analysis;

import java.util.ArrayList;
import java.util.List;

/** Every kind of insight, applied to one user-month (docs/insights.md gives each formula with a worked example). */
public final class InsightAnalysis {

    private static final List<InsightRule> RULES = List.of(
            new CategoryOverspend(),
            new MonthOverMonth(),
            new UnusualTransaction(),
            new RecurringPayments(),
            new MonthEndForecast(),
            new SavingsRate(),
            new WeeklySummary());

    private InsightAnalysis() {}

    public static List<Insight> analyse(MonthFigures figures) {
        List<Insight> found = new ArrayList<>();
        RULES.forEach(rule -> found.addAll(rule.find(figures)));
        return found;
    }
}

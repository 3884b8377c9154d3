package io.mita.insights.analysis;

/** The kinds of insight, as named in the API and in {@code mita.insights.insight.generated.v1}. */
public enum InsightKind {
    CATEGORY_OVERSPEND,
    MONTH_OVER_MONTH,
    UNUSUAL_TRANSACTION,
    RECURRING_PAYMENT,
    MONTH_END_FORECAST,
    SAVINGS_RATE,
    WEEKLY_SUMMARY
}

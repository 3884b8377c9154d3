package io.mita.budget.dashboard;

import io.r2dbc.spi.Readable;

/**
 * A computed dashboard as the statement answers it and {@code stored_dashboard} keeps it: the four parts' JSON texts
 * (each null when its subquery answered SQL NULL) and the user's data version they were computed from.
 */
record DashboardTexts(long version, String month, String latestTransactions, String nextGoals, String habits) {

    /** The user's data version (V8), 0 before the first write to a table the dashboard reads. */
    static final String VERSION =
            "(SELECT coalesce(max(version), 0) FROM dashboard_data_version WHERE user_id = :userId)";

    /** From a row with the columns version, month, latest_transactions, next_goals and habits. */
    static DashboardTexts of(Readable row) {
        return new DashboardTexts(
                row.get("version", Long.class),
                row.get("month", String.class),
                row.get("latest_transactions", String.class),
                row.get("next_goals", String.class),
                row.get("habits", String.class));
    }
}

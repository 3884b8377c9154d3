package io.mita.budget.habit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One period of a habit: its tracked days {@code from}..{@code to} (the first period starts at the habit's
 * start), how it went, and what it was judged on: the expenses counted (checked habits) and the days marked.
 */
record PeriodOutcome(LocalDate from, LocalDate to, Status status, long expenses, BigDecimal spent, int markedDays) {

    enum Status {
        /** Within the limit (checked) or marked (by hand). */
        KEPT,
        /** Over the limit, or a finished period without a mark. */
        MISSED,
        /** The current period, not decided yet: within the limit so far, or not marked yet. */
        PENDING
    }
}

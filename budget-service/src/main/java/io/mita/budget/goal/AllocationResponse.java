package io.mita.budget.goal;

import java.time.YearMonth;
import java.util.UUID;

/**
 * A goal's allocation and the month it was checked against: the plan's savings target, what all goals
 * (this one included) are allocated, and what is left. Amounts are decimal strings in {@code currency}.
 */
record AllocationResponse(
        UUID goalId,
        String monthlyAmount,
        String currency,
        boolean autoTransfer,
        YearMonth month,
        String savingsTarget,
        String allocated,
        String available) {}

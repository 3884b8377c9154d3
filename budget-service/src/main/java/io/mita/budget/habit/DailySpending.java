package io.mita.budget.habit;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A day's live expenses in a habit's category: how many (any currency) and how much in the limit's currency
 * (zero for a count limit).
 */
record DailySpending(LocalDate day, long expenses, BigDecimal spent) {}

package io.mita.insights.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything the analysis of one user-month reads, in one currency, taken from the projections.
 *
 * @param month the month analysed
 * @param asOf the day the analysis stands on: today in the current month, the last day of a past month
 * @param spentByCategory EXPENSE totals per category of the month
 * @param previousSpentByCategory the same of the month before
 * @param income INCOME transactions of the month, summed
 * @param dailySpending EXPENSE totals per day, from 13 days before the month to its end (days without any absent)
 * @param history the expenses of the 12 months up to {@code asOf}
 * @param plan the month's plan, or null without one
 */
public record MonthFigures(
        YearMonth month,
        LocalDate asOf,
        String currency,
        Map<String, BigDecimal> spentByCategory,
        Map<String, BigDecimal> previousSpentByCategory,
        BigDecimal income,
        Map<LocalDate, BigDecimal> dailySpending,
        List<Expense> history,
        PlanFigures plan) {

    /** Whether {@code asOf} is the month's last day (the month is complete). */
    public boolean complete() {
        return asOf.equals(month.atEndOfMonth());
    }

    public BigDecimal spent(String category) {
        return spentByCategory.getOrDefault(category, BigDecimal.ZERO);
    }

    public BigDecimal totalSpent() {
        return spentByCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** EXPENSE total of the days from {@code from} to {@code to}, both included. */
    public BigDecimal spentBetween(LocalDate from, LocalDate to) {
        return dailySpending.entrySet().stream()
                .filter(day -> !day.getKey().isBefore(from) && !day.getKey().isAfter(to))
                .map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package io.mita.budget.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;

/**
 * A user's planned month as the calendar and the dashboard read it: per spending category (the plan's and any
 * with spending, in the plan's order) the planned amount per day after redistribution and the spending per day,
 * in minor units of {@link #currency()} (arrays as long as the month, index 0 = day 1). The plan's protected
 * money (commitments, savings) is not a spending category and is not in here.
 */
public record PlannedMonth(YearMonth month, Currency currency, Map<String, long[]> planned, Map<String, long[]> spent) {

    /**
     * Safe to spend on a day (docs/budget.md, "Safe to spend"): what the day's plans over all spending categories
     * leave after the day's spending, never below 0. Redistribution has already folded earlier days' over- and
     * underspending into the plans of the open days, so today's figure is what the user can spend today without
     * taking from another day. 0 for a day outside the month.
     */
    public long safeToSpend(LocalDate day) {
        if (!YearMonth.from(day).equals(month)) {
            return 0;
        }
        int index = day.getDayOfMonth() - 1;
        long planned = 0;
        long spending = 0;
        for (String category : this.planned.keySet()) {
            planned += this.planned.get(category)[index];
            spending += spent.get(category)[index];
        }
        return safeToSpend(planned, spending);
    }

    /** Safe to spend of a day's planned and spent totals: what is left, never below 0. */
    public static long safeToSpend(long planned, long spent) {
        return Math.max(0, planned - spent);
    }

    /** A category's planned amount over the whole month (its days added up, after redistribution). */
    public long plannedInMonth(String category) {
        return sum(planned.get(category), month.lengthOfMonth());
    }

    /** A category's spending from the first of the month up to and including {@code day} (all of it after the month). */
    public long spentUpTo(String category, LocalDate day) {
        if (day.isBefore(month.atDay(1))) {
            return 0;
        }
        int days = YearMonth.from(day).equals(month) ? day.getDayOfMonth() : month.lengthOfMonth();
        return sum(spent.get(category), days);
    }

    /** Minor units of the month's currency as a decimal string with its fraction digits ("12.50"). */
    public String text(long minor) {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
    }

    private static long sum(long[] amounts, int days) {
        long total = 0;
        for (int day = 0; day < days; day++) {
            total = Math.addExact(total, amounts[day]);
        }
        return total;
    }
}

package io.mita.budget.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/budget/calendar/{yyyy-MM}}: per day, the day's totals, its safe-to-spend figure and each
 * category's planned, spent and remaining (decimal strings in {@code currency}; remaining is negative when a
 * day is overspent).
 */
record CalendarResponse(String month, String currency, LocalDate today, List<Day> days) {

    record Day(
            LocalDate date,
            String planned,
            String spent,
            String remaining,
            String safeToSpend,
            List<CategoryDay> categories) {}

    record CategoryDay(String category, String planned, String spent, String remaining) {}
}

package io.mita.budget.habit;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/budget/habits/{id}/progress}: the streaks and counts over the habit's whole life, and its
 * latest periods, oldest first. Per period: {@code expenses} counted and {@code spent} (in the limit's
 * currency, amount limits only) for a checked habit, {@code markedDays} for one kept by hand.
 */
record HabitProgressResponse(
        UUID habitId,
        boolean automatic,
        String period,
        int currentStreak,
        int longestStreak,
        int kept,
        int missed,
        List<Period> periods) {

    record Period(
            LocalDate from,
            LocalDate to,
            String status,
            Long expenses,
            String spent,
            String currency,
            Integer markedDays) {}

    static HabitProgressResponse of(Habit habit, HabitProgress progress) {
        HabitRule rule = habit.rule();
        HabitLimit limit = rule.limit();
        List<Period> periods = progress.periods().stream()
                .map(period -> new Period(
                        period.from(),
                        period.to(),
                        period.status().name(),
                        rule.automatic() ? period.expenses() : null,
                        limit != null && limit.isAmount()
                                ? period.spent()
                                        .setScale(limit.maxAmount().currency().getDefaultFractionDigits())
                                        .toPlainString()
                                : null,
                        limit != null && limit.isAmount() ? limit.currencyCode() : null,
                        rule.automatic() ? null : period.markedDays()))
                .toList();
        return new HabitProgressResponse(
                habit.id(),
                rule.automatic(),
                habit.period().name(),
                progress.currentStreak(),
                progress.longestStreak(),
                progress.kept(),
                progress.missed(),
                periods);
    }
}

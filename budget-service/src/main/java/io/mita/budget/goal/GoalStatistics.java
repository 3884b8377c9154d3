package io.mita.budget.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Figures across one user's goals. Amounts are never added across currencies: totals come per currency.
 * {@code averageProgressPercent} is the plain mean of each goal's percentage (each at most 100, see
 * {@link GoalProgress}), rounded down to one decimal, null without goals; {@code overdue} counts the goals
 * not completed whose target date has passed. Pure domain: no framework in here.
 */
record GoalStatistics(
        int goals,
        Map<GoalStatus, Integer> byStatus,
        int overdue,
        BigDecimal averageProgressPercent,
        List<CurrencyTotals> byCurrency) {

    /** Totals of the goals kept in one currency, with that currency's fraction digits. */
    record CurrencyTotals(String currency, int goals, BigDecimal saved, BigDecimal target, BigDecimal remaining) {}

    /** One goal as the statistics see it. */
    record Entry(
            GoalStatus status,
            String currency,
            int fractionDigits,
            BigDecimal target,
            BigDecimal saved,
            LocalDate targetDate) {

        Entry {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(saved, "saved");
            Objects.requireNonNull(targetDate, "targetDate");
        }

        GoalProgress progress() {
            return GoalProgress.of(saved, target, fractionDigits);
        }
    }

    GoalStatistics {
        byStatus = Map.copyOf(byStatus);
        byCurrency = List.copyOf(byCurrency);
    }

    static GoalStatistics of(List<Entry> entries, LocalDate today) {
        Map<GoalStatus, Integer> byStatus = new EnumMap<>(GoalStatus.class);
        for (GoalStatus status : GoalStatus.values()) {
            byStatus.put(status, 0);
        }
        Map<String, CurrencyTotals> totals = new TreeMap<>();
        BigDecimal percentSum = BigDecimal.ZERO;
        int overdue = 0;
        for (Entry entry : entries) {
            GoalProgress progress = entry.progress();
            byStatus.merge(entry.status(), 1, Integer::sum);
            if (entry.status() != GoalStatus.COMPLETED && entry.targetDate().isBefore(today)) {
                overdue++;
            }
            percentSum = percentSum.add(progress.percent());
            totals.merge(
                    entry.currency(),
                    new CurrencyTotals(entry.currency(), 1, progress.saved(), progress.target(), progress.remaining()),
                    (a, b) -> new CurrencyTotals(
                            a.currency(),
                            a.goals() + b.goals(),
                            a.saved().add(b.saved()),
                            a.target().add(b.target()),
                            a.remaining().add(b.remaining())));
        }
        BigDecimal average =
                entries.isEmpty() ? null : percentSum.divide(BigDecimal.valueOf(entries.size()), 1, RoundingMode.DOWN);
        return new GoalStatistics(entries.size(), byStatus, overdue, average, new ArrayList<>(totals.values()));
    }
}

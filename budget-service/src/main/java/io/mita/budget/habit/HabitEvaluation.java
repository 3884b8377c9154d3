package io.mita.budget.habit;

import io.mita.budget.habit.PeriodOutcome.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges a habit period by period, from its start to the period holding {@code today}, and counts its
 * streaks. Pure domain: the caller brings the expenses and the marked days.
 *
 * <ul>
 *   <li>A checked habit's period is KEPT when its tracked days' expenses stay within the limit, MISSED when
 *       they exceed it; the current period is MISSED as soon as it is over the limit, PENDING until then.
 *   <li>A habit kept by hand: a period with at least one marked day is KEPT; a finished period without is
 *       MISSED; the current one is PENDING until a day is marked.
 *   <li>With {@code weekdaysOnly} and DAY periods, Saturdays and Sundays are no periods at all.
 *   <li>Streaks count consecutive KEPT periods; a MISSED one ends a streak, a PENDING one does neither.
 * </ul>
 */
final class HabitEvaluation {

    private HabitEvaluation() {}

    static HabitProgress evaluate(
            HabitRule rule, Collection<DailySpending> spending, Set<LocalDate> marked, LocalDate today) {
        NavigableMap<LocalDate, DailySpending> byDay = new TreeMap<>();
        spending.forEach(day -> byDay.merge(
                day.day(),
                day,
                (a, b) -> new DailySpending(
                        a.day(), a.expenses() + b.expenses(), a.spent().add(b.spent()))));
        NavigableSet<LocalDate> markedDays = new TreeSet<>(marked);
        List<PeriodOutcome> periods = new ArrayList<>();
        HabitPeriod unit = rule.period();
        for (LocalDate start = unit.startOf(rule.startsOn());
                !start.isAfter(today);
                start = unit.endOf(start).plusDays(1)) {
            LocalDate from = start.isBefore(rule.startsOn()) ? rule.startsOn() : start;
            LocalDate to = unit.endOf(start);
            if (unit == HabitPeriod.DAY && !rule.tracks(from)) {
                continue;
            }
            periods.add(judge(rule, from, to, byDay, markedDays, today));
        }
        return streaks(periods);
    }

    private static PeriodOutcome judge(
            HabitRule rule,
            LocalDate from,
            LocalDate to,
            NavigableMap<LocalDate, DailySpending> spending,
            NavigableSet<LocalDate> marked,
            LocalDate today) {
        long expenses = 0;
        BigDecimal spent = BigDecimal.ZERO;
        for (DailySpending day : spending.subMap(from, true, to, true).values()) {
            if (rule.tracks(day.day())) {
                expenses += day.expenses();
                spent = spent.add(day.spent());
            }
        }
        int markedDays = (int) marked.subSet(from, true, to, true).stream()
                .filter(rule::tracks)
                .count();
        boolean finished = to.isBefore(today);
        Status status;
        if (rule.automatic()) {
            boolean within = rule.limit().allows(expenses, spent);
            status = !within ? Status.MISSED : finished ? Status.KEPT : Status.PENDING;
        } else {
            status = markedDays > 0 ? Status.KEPT : finished ? Status.MISSED : Status.PENDING;
        }
        return new PeriodOutcome(from, to, status, expenses, spent, markedDays);
    }

    static HabitProgress streaks(List<PeriodOutcome> periods) {
        int current = 0;
        int longest = 0;
        int kept = 0;
        int missed = 0;
        for (PeriodOutcome period : periods) {
            switch (period.status()) {
                case KEPT -> {
                    kept++;
                    current++;
                    longest = Math.max(longest, current);
                }
                case MISSED -> {
                    missed++;
                    current = 0;
                }
                case PENDING -> {
                    // the current period: decides nothing yet
                }
            }
        }
        return new HabitProgress(current, longest, kept, missed, periods);
    }
}

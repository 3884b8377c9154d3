package io.mita.budget.habit;

import io.mita.budget.dashboard.DashboardHabit;
import io.mita.budget.dashboard.HabitStreaks;
import io.mita.budget.habit.PeriodOutcome.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every habit of a user with its streaks, for the dashboard, from at most three queries whatever the number of
 * habits: the habits, the marked days of all of them (one join), and the expenses of all checked habits'
 * categories grouped by category, day and currency (one range scan of {@code transaction_user_category_day}).
 * The figures are those of the habit's progress ({@link HabitEvaluation}), as of the caller's {@code today}.
 */
@Component
class HabitStreakReader implements HabitStreaks {

    private final HabitRepository habits;
    private final HabitCompletions completions;
    private final HabitSpending spending;

    HabitStreakReader(HabitRepository habits, HabitCompletions completions, HabitSpending spending) {
        this.habits = habits;
        this.completions = completions;
        this.spending = spending;
    }

    @Override
    public Flux<DashboardHabit> of(UUID userId, LocalDate today) {
        return habits.findByUserIdOrderByCreatedAtAscIdAsc(userId).collectList().flatMapMany(all -> {
            Set<String> categories = new TreeSet<>();
            LocalDate from = null;
            boolean byHand = false;
            for (Habit habit : all) {
                HabitRule rule = habit.rule();
                if (!rule.automatic()) {
                    byHand = true;
                } else if (!rule.startsOn().isAfter(today)) {
                    categories.add(rule.category());
                    from = from == null || rule.startsOn().isBefore(from) ? rule.startsOn() : from;
                }
            }
            Mono<Map<UUID, Set<LocalDate>>> marked = byHand
                    ? completions
                            .daysOfUser(userId)
                            .collect(
                                    HashMap<UUID, Set<LocalDate>>::new,
                                    (days, mark) -> days.computeIfAbsent(mark.habitId(), id -> new HashSet<>())
                                            .add(mark.day()))
                            .map(days -> (Map<UUID, Set<LocalDate>>) days)
                    : Mono.just(Map.of());
            Mono<List<HabitSpending.CategoryDay>> expenses = categories.isEmpty()
                    ? Mono.just(List.of())
                    : spending.dailyByCategory(userId, categories, from, today).collectList();
            return Mono.zip(marked, expenses)
                    .flatMapIterable(inputs -> streaks(all, inputs.getT1(), inputs.getT2(), today));
        });
    }

    /** Each habit judged on its own marks or its category's expenses (the limit's currency adds up, all count). */
    static List<DashboardHabit> streaks(
            List<Habit> habits,
            Map<UUID, Set<LocalDate>> marked,
            Collection<HabitSpending.CategoryDay> expenses,
            LocalDate today) {
        List<DashboardHabit> answer = new ArrayList<>();
        for (Habit habit : habits) {
            HabitRule rule = habit.rule();
            List<DailySpending> spent = new ArrayList<>();
            if (rule.automatic()) {
                String currency = rule.limit().currencyCode();
                for (HabitSpending.CategoryDay day : expenses) {
                    if (day.category().equals(rule.category())) {
                        spent.add(new DailySpending(
                                day.day(),
                                day.expenses(),
                                day.currency().equals(currency) ? day.spent() : BigDecimal.ZERO));
                    }
                }
            }
            HabitProgress progress = HabitEvaluation.evaluate(
                    rule, spent, rule.automatic() ? Set.of() : marked.getOrDefault(habit.id(), Set.of()), today);
            answer.add(new DashboardHabit(
                    habit.id(),
                    habit.name(),
                    rule.period().name(),
                    rule.automatic(),
                    progress.currentStreak(),
                    progress.longestStreak(),
                    current(progress.periods(), today)));
        }
        return answer;
    }

    private static String current(List<PeriodOutcome> periods, LocalDate today) {
        if (periods.isEmpty()) {
            return null;
        }
        PeriodOutcome last = periods.get(periods.size() - 1);
        Status status = last.to().isBefore(today) ? null : last.status();
        return status == null ? null : status.name();
    }
}

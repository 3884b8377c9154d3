package io.mita.budget.habit;

import io.mita.budget.dashboard.DashboardDay;
import io.mita.budget.dashboard.DashboardHabit;
import io.mita.budget.dashboard.DashboardPart;
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
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Every habit of a user with its streaks, for the dashboard, from one subquery whatever the number of habits: the
 * habits (index {@code habit_user}), the marked days of the hand-kept ones (primary key of
 * {@code habit_completion}) and the expenses of the checked habits' categories grouped by category, day and
 * currency from the earliest checked habit's start to today (ranges of {@code transaction_user_category_day}).
 * The figures are those of the habit's progress ({@link HabitEvaluation}), as of the dashboard's today.
 */
@Component
class HabitStreakReader implements HabitStreaks {

    static final String HABITS = """
            (WITH h AS (SELECT id, name, category, max_count, max_amount, currency, period, weekdays_only, starts_on,
                               created_at
                        FROM habit WHERE user_id = :userId),
                  checked AS (SELECT category, starts_on FROM h WHERE category IS NOT NULL AND starts_on <= :today)
             SELECT json_build_object(
                 'habits', (SELECT json_agg(json_build_array(id, name, category, max_count, max_amount::text, currency,
                                                             period, weekdays_only, starts_on) ORDER BY created_at, id)
                            FROM h),
                 'marks', (SELECT json_agg(json_build_array(c.habit_id, c.day))
                           FROM h JOIN habit_completion c ON c.habit_id = h.id WHERE h.category IS NULL),
                 'expenses', (SELECT json_agg(json_build_array(e.category, e.occurred_on, e.currency, e.expenses,
                                                               e.spent::text))
                              FROM (SELECT t.category, t.occurred_on, t.currency, count(*) AS expenses,
                                           sum(t.amount) AS spent
                                    FROM transaction t
                                    WHERE t.user_id = :userId AND t.deleted_at IS NULL AND t.type = 'EXPENSE'
                                      AND t.category IN (SELECT category FROM checked)
                                      AND t.occurred_on BETWEEN (SELECT min(starts_on) FROM checked) AND :today
                                    GROUP BY t.category, t.occurred_on, t.currency) e)))""";

    @Override
    public String subquery() {
        return HABITS;
    }

    @Override
    public List<DashboardHabit> read(String json, DashboardDay day) {
        JsonNode inputs = DashboardPart.parse(json);
        List<Habit> habits = new ArrayList<>();
        for (JsonNode habit : inputs.get("habits")) {
            habits.add(new Habit(
                    UUID.fromString(habit.get(0).asString()),
                    null,
                    habit.get(1).asString(),
                    text(habit.get(2)),
                    habit.get(3).isNull() ? null : habit.get(3).intValue(),
                    habit.get(4).isNull() ? null : new BigDecimal(habit.get(4).asString()),
                    text(habit.get(5)),
                    HabitPeriod.valueOf(habit.get(6).asString()),
                    habit.get(7).booleanValue(),
                    LocalDate.parse(habit.get(8).asString()),
                    null,
                    null,
                    null));
        }
        Map<UUID, Set<LocalDate>> marked = new HashMap<>();
        for (JsonNode mark : inputs.get("marks")) {
            marked.computeIfAbsent(UUID.fromString(mark.get(0).asString()), id -> new HashSet<>())
                    .add(LocalDate.parse(mark.get(1).asString()));
        }
        List<HabitSpending.CategoryDay> expenses = new ArrayList<>();
        for (JsonNode expense : inputs.get("expenses")) {
            expenses.add(new HabitSpending.CategoryDay(
                    expense.get(0).asString(),
                    LocalDate.parse(expense.get(1).asString()),
                    expense.get(2).asString(),
                    expense.get(3).longValue(),
                    new BigDecimal(expense.get(4).asString())));
        }
        return streaks(habits, marked, expenses, day.today());
    }

    private static String text(JsonNode node) {
        return node.isNull() ? null : node.asString();
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

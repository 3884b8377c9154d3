package io.mita.budget.habit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.dashboard.DashboardHabit;
import io.mita.budget.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's streaks of all habits at once: each habit judged on its own marks, or on the expenses of its own
 * category (counted in every currency, added up only in the limit's), exactly as its progress judges it.
 */
class HabitStreakReaderTest {

    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    private static final LocalDate THURSDAY = MONDAY.plusDays(3);

    private final UUID user = UUID.randomUUID();

    @Test
    void aHabitKeptByHandCountsOnlyItsOwnMarks() {
        Habit cook = habit("Cook at home", new HabitRule(null, null, HabitPeriod.DAY, false, MONDAY));
        Habit walk = habit("Walk", new HabitRule(null, null, HabitPeriod.DAY, false, MONDAY));
        Map<UUID, Set<LocalDate>> marked = Map.of(
                cook.id(), Set.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2)),
                walk.id(), Set.of(MONDAY));

        List<DashboardHabit> streaks = HabitStreakReader.streaks(List.of(cook, walk), marked, List.of(), THURSDAY);

        assertThat(streaks)
                .containsExactly(
                        new DashboardHabit(cook.id(), "Cook at home", "DAY", false, 3, 3, "PENDING"),
                        new DashboardHabit(walk.id(), "Walk", "DAY", false, 0, 1, "PENDING"));
    }

    @Test
    void checkedHabitsAreJudgedOnTheirOwnCategoryAndTheLimitsCurrency() {
        Habit noDining =
                habit("No dining", new HabitRule("dining", HabitLimit.count(0), HabitPeriod.DAY, false, MONDAY));
        Habit coffee = habit(
                "At most 5.00 on coffee a day",
                new HabitRule(
                        "coffee",
                        HabitLimit.amount(new Money(new BigDecimal("5.00"), Currency.getInstance("EUR"))),
                        HabitPeriod.DAY,
                        false,
                        MONDAY));
        List<HabitSpending.CategoryDay> expenses = List.of(
                // dining on Tuesday: Tuesday missed, then Wednesday kept, Thursday (today) pending
                new HabitSpending.CategoryDay("dining", MONDAY.plusDays(1), "EUR", 1, new BigDecimal("12.00")),
                // coffee: 4.00 EUR and 30.00 USD on Monday (USD counts for nothing in an EUR limit): kept
                new HabitSpending.CategoryDay("coffee", MONDAY, "EUR", 1, new BigDecimal("4.00")),
                new HabitSpending.CategoryDay("coffee", MONDAY, "USD", 1, new BigDecimal("30.00")),
                // 6.00 EUR today: over the limit, today is missed already
                new HabitSpending.CategoryDay("coffee", THURSDAY, "EUR", 2, new BigDecimal("6.00")));

        List<DashboardHabit> streaks =
                HabitStreakReader.streaks(List.of(noDining, coffee), Map.of(), expenses, THURSDAY);

        assertThat(streaks)
                .containsExactly(
                        new DashboardHabit(noDining.id(), "No dining", "DAY", true, 1, 1, "PENDING"),
                        new DashboardHabit(coffee.id(), "At most 5.00 on coffee a day", "DAY", true, 0, 3, "MISSED"));
    }

    @Test
    void aDailyHabitThatStartsTomorrowHasNoCurrentPeriod() {
        Habit later = habit("Later", new HabitRule(null, null, HabitPeriod.DAY, false, THURSDAY.plusDays(1)));

        List<DashboardHabit> streaks = HabitStreakReader.streaks(List.of(later), Map.of(), List.of(), THURSDAY);

        assertThat(streaks).containsExactly(new DashboardHabit(later.id(), "Later", "DAY", false, 0, 0, null));
    }

    private Habit habit(String name, HabitRule rule) {
        return Habit.create(UUID.randomUUID(), user, new HabitDraft(name, rule), Instant.parse("2026-01-01T00:00:00Z"));
    }
}

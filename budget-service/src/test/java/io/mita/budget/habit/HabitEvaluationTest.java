package io.mita.budget.habit;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.habit.PeriodOutcome.Status;
import io.mita.budget.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HabitEvaluationTest {

    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @Test
    void aHabitKeptByHandCountsMarkedDaysAsKeptAndUnmarkedPastDaysAsMissed() {
        HabitRule rule = new HabitRule(null, null, HabitPeriod.DAY, false, MONDAY);
        Set<LocalDate> marked = Set.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(3), MONDAY.plusDays(4));

        HabitProgress progress = HabitEvaluation.evaluate(rule, List.of(), marked, MONDAY.plusDays(5));

        assertThat(progress.periods())
                .extracting(PeriodOutcome::status)
                .containsExactly(Status.KEPT, Status.KEPT, Status.MISSED, Status.KEPT, Status.KEPT, Status.PENDING);
        assertThat(progress.currentStreak()).isEqualTo(2);
        assertThat(progress.longestStreak()).isEqualTo(2);
        assertThat(progress.kept()).isEqualTo(4);
        assertThat(progress.missed()).isEqualTo(1);
    }

    @Test
    void todayMarkedExtendsTheCurrentStreakAndTodayUnmarkedDoesNotBreakIt() {
        HabitRule rule = new HabitRule(null, null, HabitPeriod.DAY, false, MONDAY);
        Set<LocalDate> untilYesterday = Set.of(MONDAY, MONDAY.plusDays(1));

        assertThat(HabitEvaluation.evaluate(rule, List.of(), untilYesterday, MONDAY.plusDays(2))
                        .currentStreak())
                .isEqualTo(2);
        assertThat(HabitEvaluation.evaluate(
                                rule,
                                List.of(),
                                Set.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2)),
                                MONDAY.plusDays(2))
                        .currentStreak())
                .isEqualTo(3);
    }

    @Test
    void theLongestStreakOutlivesAMissedDay() {
        HabitRule rule = new HabitRule(null, null, HabitPeriod.DAY, false, MONDAY);
        Set<LocalDate> marked = Set.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2), MONDAY.plusDays(4));

        HabitProgress progress = HabitEvaluation.evaluate(rule, List.of(), marked, MONDAY.plusDays(6));

        assertThat(progress.longestStreak()).isEqualTo(3);
        assertThat(progress.currentStreak()).isZero();
    }

    @Test
    void aWeekdaysOnlyDailyHabitHasNoWeekendPeriodsSoTheWeekendBreaksNoStreak() {
        HabitRule rule = new HabitRule(null, null, HabitPeriod.DAY, true, MONDAY);
        Set<LocalDate> marked = Set.of(
                MONDAY,
                MONDAY.plusDays(1),
                MONDAY.plusDays(2),
                MONDAY.plusDays(3),
                MONDAY.plusDays(4),
                MONDAY.plusDays(7));

        HabitProgress progress = HabitEvaluation.evaluate(rule, List.of(), marked, MONDAY.plusDays(7));

        assertThat(progress.periods()).hasSize(6);
        assertThat(progress.periods())
                .extracting(period -> period.from().getDayOfWeek().getValue())
                .allMatch(day -> day <= 5);
        assertThat(progress.currentStreak()).isEqualTo(6);
    }

    @Test
    void noDiningOutOnWeekdaysIsMissedOnAWeekdayWithADiningExpenseAndNotJudgedOnWeekends() {
        HabitRule rule = new HabitRule("dining", HabitLimit.count(0), HabitPeriod.DAY, true, MONDAY);
        List<DailySpending> spending = List.of(
                new DailySpending(MONDAY.plusDays(2), 1, new BigDecimal("20.00")),
                new DailySpending(MONDAY.plusDays(5), 2, new BigDecimal("80.00")));

        HabitProgress progress = HabitEvaluation.evaluate(rule, spending, Set.of(), MONDAY.plusDays(7));

        assertThat(progress.periods())
                .extracting(PeriodOutcome::status)
                .containsExactly(Status.KEPT, Status.KEPT, Status.MISSED, Status.KEPT, Status.KEPT, Status.PENDING);
        assertThat(progress.periods().get(2).expenses()).isEqualTo(1);
        assertThat(progress.currentStreak()).isEqualTo(2);
    }

    @Test
    void atMostThreeCoffeesAWeekIsKeptWithThreeAndMissedWithFour() {
        HabitRule rule = new HabitRule("coffee", HabitLimit.count(3), HabitPeriod.WEEK, false, MONDAY);
        List<DailySpending> spending = List.of(
                new DailySpending(MONDAY, 2, new BigDecimal("6.00")),
                new DailySpending(MONDAY.plusDays(6), 1, new BigDecimal("3.00")),
                new DailySpending(MONDAY.plusDays(7), 3, new BigDecimal("9.00")),
                new DailySpending(MONDAY.plusDays(13), 1, new BigDecimal("3.00")));

        HabitProgress progress = HabitEvaluation.evaluate(rule, spending, Set.of(), MONDAY.plusDays(20));

        assertThat(progress.periods())
                .extracting(PeriodOutcome::status)
                .containsExactly(Status.KEPT, Status.MISSED, Status.PENDING);
        assertThat(progress.periods()).extracting(PeriodOutcome::expenses).containsExactly(3L, 4L, 0L);
        assertThat(progress.periods().get(0).to()).isEqualTo(MONDAY.plusDays(6));
    }

    @Test
    void theCurrentPeriodIsMissedAsSoonAsItIsOverTheLimit() {
        HabitRule rule = new HabitRule(
                "entertainment", HabitLimit.amount(Money.parse("50.00", "EUR")), HabitPeriod.WEEK, false, MONDAY);
        List<DailySpending> spending = List.of(new DailySpending(MONDAY.plusDays(1), 2, new BigDecimal("50.01")));

        HabitProgress progress = HabitEvaluation.evaluate(rule, spending, Set.of(), MONDAY.plusDays(2));

        assertThat(progress.periods()).singleElement().satisfies(period -> {
            assertThat(period.status()).isEqualTo(Status.MISSED);
            assertThat(period.spent()).isEqualByComparingTo("50.01");
        });
        assertThat(progress.missed()).isEqualTo(1);
    }

    @Test
    void anAmountLimitIsKeptAtExactlyTheLimit() {
        HabitRule rule = new HabitRule(
                "entertainment", HabitLimit.amount(Money.parse("50.00", "EUR")), HabitPeriod.MONTH, false, MONDAY);
        List<DailySpending> spending = List.of(
                new DailySpending(MONDAY, 1, new BigDecimal("20.00")),
                new DailySpending(MONDAY.plusDays(20), 1, new BigDecimal("30.00")));

        HabitProgress progress = HabitEvaluation.evaluate(rule, spending, Set.of(), LocalDate.of(2026, 2, 3));

        assertThat(progress.periods()).extracting(PeriodOutcome::status).containsExactly(Status.KEPT, Status.PENDING);
        assertThat(progress.periods().get(0).from())
                .as("the first period starts with the habit")
                .isEqualTo(MONDAY);
        assertThat(progress.periods().get(0).to()).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @Test
    void aWeeklyHabitStartedMidWeekJudgesOnlyTheDaysFromItsStart() {
        LocalDate thursday = MONDAY.plusDays(3);
        HabitRule rule = new HabitRule("coffee", HabitLimit.count(1), HabitPeriod.WEEK, false, thursday);
        List<DailySpending> spending = List.of(new DailySpending(thursday, 1, BigDecimal.ZERO));

        HabitProgress progress = HabitEvaluation.evaluate(rule, spending, Set.of(), MONDAY.plusDays(8));

        assertThat(progress.periods().get(0).from()).isEqualTo(thursday);
        assertThat(progress.periods().get(0).status()).isEqualTo(Status.KEPT);
    }

    @Test
    void aWeeklyHabitKeptByHandIsKeptByOneMarkedDayInTheWeek() {
        HabitRule rule = new HabitRule(null, null, HabitPeriod.WEEK, false, MONDAY);

        HabitProgress progress =
                HabitEvaluation.evaluate(rule, List.of(), Set.of(MONDAY.plusDays(4)), MONDAY.plusDays(15));

        assertThat(progress.periods())
                .extracting(PeriodOutcome::status)
                .containsExactly(Status.KEPT, Status.MISSED, Status.PENDING);
        assertThat(progress.periods().get(0).markedDays()).isEqualTo(1);
    }

    @Test
    void aHabitThatStartsInTheFutureHasNoPeriodsYet() {
        HabitRule rule = new HabitRule(null, null, HabitPeriod.DAY, false, MONDAY.plusDays(1));

        HabitProgress progress = HabitEvaluation.evaluate(rule, List.of(), Set.of(), MONDAY);

        assertThat(progress.periods()).isEmpty();
        assertThat(progress.currentStreak()).isZero();
        assertThat(progress.longestStreak()).isZero();
    }

    @Test
    void latestKeepsTheFiguresOfTheWholeLifeButListsOnlyTheLastPeriods() {
        HabitRule rule = new HabitRule(null, null, HabitPeriod.DAY, false, MONDAY);
        Set<LocalDate> marked = Set.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2));

        HabitProgress latest = HabitEvaluation.evaluate(rule, List.of(), marked, MONDAY.plusDays(3))
                .latest(2);

        assertThat(latest.periods())
                .extracting(PeriodOutcome::from)
                .containsExactly(MONDAY.plusDays(2), MONDAY.plusDays(3));
        assertThat(latest.kept()).isEqualTo(3);
        assertThat(latest.longestStreak()).isEqualTo(3);
    }

    @Test
    void periodsStartOnMondaysAndFirstsOfMonths() {
        LocalDate sunday = LocalDate.of(2026, 1, 11);

        assertThat(HabitPeriod.WEEK.startOf(sunday)).isEqualTo(MONDAY);
        assertThat(HabitPeriod.WEEK.endOf(MONDAY)).isEqualTo(sunday);
        assertThat(HabitPeriod.MONTH.startOf(sunday)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(HabitPeriod.MONTH.endOf(LocalDate.of(2028, 2, 3))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(HabitPeriod.DAY.endOf(sunday)).isEqualTo(sunday);
    }
}

package io.mita.budget.goal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.goal.GoalHealth.Assessment;
import io.mita.budget.goal.GoalHealth.Contribution;
import io.mita.budget.goal.GoalHealth.Verdict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The health rule of docs/budget.md ("Goals", "Health"), each verdict and its edges, with "today" fixed. */
class GoalHealthTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    /** Older than the longest window: the pace is measured over the last 90 days. */
    private static final LocalDate LONG_AGO = LocalDate.of(2025, 6, 1);
    /** 100.00 a month for the last three months: 300.00 in the 90-day window, a pace of 100.00. */
    private static final List<Contribution> MONTHLY_HUNDRED = List.of(
            contribution("2026-01-01", "100.00"),
            contribution("2026-02-01", "100.00"),
            contribution("2026-03-01", "100.00"));

    @Test
    void aPaceThatCoversExactlyWhatIsLeftIsOnTrack() {
        // 900.00 left, March..November = 9 months at 100.00
        Assessment health = assess("1200.00", "300.00", LONG_AGO, "2026-11-30", false, MONTHLY_HUNDRED);

        assertThat(health.verdict()).isEqualTo(Verdict.ON_TRACK);
        assertThat(health.monthsLeft()).isEqualTo(9);
        assertThat(health.monthlyPace()).isEqualByComparingTo("100.00");
        assertThat(health.windowDays()).isEqualTo(90);
        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("100.00"));
        assertThat(health.remaining()).isEqualTo(new BigDecimal("900.00"));
    }

    @Test
    void oneMinorUnitMoreThanThePaceCoversIsBehind() {
        Assessment health = assess("1200.01", "300.00", LONG_AGO, "2026-11-30", false, MONTHLY_HUNDRED);

        assertThat(health.verdict()).isEqualTo(Verdict.BEHIND);
        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("100.01"));
    }

    @Test
    void aPaceThatCoversAtLeastHalfOfWhatIsLeftIsBehind() {
        // 900.00 left, March..August = 6 months: the pace brings 600.00, at least half of 900.00
        Assessment health = assess("1200.00", "300.00", LONG_AGO, "2026-08-31", false, MONTHLY_HUNDRED);

        assertThat(health.verdict()).isEqualTo(Verdict.BEHIND);
        assertThat(health.monthsLeft()).isEqualTo(6);
        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("150.00"));
    }

    @Test
    void aPaceThatCoversLessThanHalfOfWhatIsLeftIsAtRisk() {
        // March..May = 3 months: the pace brings 300.00, less than half of 900.00
        Assessment health = assess("1200.00", "300.00", LONG_AGO, "2026-05-31", false, MONTHLY_HUNDRED);

        assertThat(health.verdict()).isEqualTo(Verdict.AT_RISK);
        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("300.00"));
    }

    @Test
    void exactlyHalfIsStillBehind() {
        // March..June = 4 months: 400.00 is exactly half of 800.00
        Assessment health = assess("1100.00", "300.00", LONG_AGO, "2026-06-30", false, MONTHLY_HUNDRED);

        assertThat(health.verdict()).isEqualTo(Verdict.BEHIND);
    }

    @Test
    void withoutAnyContributionAGoalWithTimeLeftIsBehind() {
        Assessment health = assess("1200.00", "0", TODAY, "2026-08-31", false, List.of());

        assertThat(health.verdict()).isEqualTo(Verdict.BEHIND);
        assertThat(health.monthlyPace()).isEqualByComparingTo("0");
        assertThat(health.monthsLeft()).isEqualTo(6);
        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("200.00"));
    }

    @Test
    void withoutAnyContributionAGoalDueThisMonthIsAtRisk() {
        Assessment health = assess("1200.00", "0", TODAY, "2026-03-31", false, List.of());

        assertThat(health.verdict()).isEqualTo(Verdict.AT_RISK);
        assertThat(health.monthsLeft()).isEqualTo(1);
        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("1200.00"));
    }

    @Test
    void aTargetDateThisMonthLeavesOneMonthForEverythingThatIsLeft() {
        Assessment health = assess("400.00", "300.00", LONG_AGO, "2026-03-31", false, MONTHLY_HUNDRED);

        assertThat(health.monthsLeft()).isEqualTo(1);
        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("100.00"));
        assertThat(health.verdict()).isEqualTo(Verdict.ON_TRACK);
    }

    @Test
    void aTargetDateOfTodayStillCountsThisMonth() {
        assertThat(GoalHealth.monthsLeft(TODAY, TODAY)).isEqualTo(1);
        assertThat(GoalHealth.monthsLeft(TODAY, LocalDate.of(2026, 4, 1))).isEqualTo(2);
        assertThat(GoalHealth.monthsLeft(TODAY, LocalDate.of(2027, 3, 1))).isEqualTo(13);
    }

    @Test
    void aTargetDateThatHasPassedUnreachedIsAtRiskAndAsksForEverythingLeft() {
        Assessment health = assess("1200.00", "300.00", LONG_AGO, "2026-03-14", false, MONTHLY_HUNDRED);

        assertThat(health.verdict()).isEqualTo(Verdict.AT_RISK);
        assertThat(health.monthsLeft()).isZero();
        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("900.00"));
    }

    @Test
    void anAlreadyReachedTargetIsCompletedWithNothingToSuggest() {
        Assessment health = assess("300.00", "300.00", LONG_AGO, "2026-11-30", false, MONTHLY_HUNDRED);

        assertThat(health.verdict()).isEqualTo(Verdict.COMPLETED);
        assertThat(health.remaining()).isEqualTo(new BigDecimal("0.00"));
        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aGoalCompletedByItsOwnerBeforeTheTargetIsCompleted() {
        Assessment health = assess("1200.00", "300.00", LONG_AGO, "2026-03-01", true, MONTHLY_HUNDRED);

        assertThat(health.verdict()).isEqualTo(Verdict.COMPLETED);
        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void contributionsOlderThanTheWindowDoNotMakeAPace() {
        List<Contribution> lastYear = List.of(contribution("2025-07-01", "600.00"));

        Assessment health = assess("1200.00", "600.00", LONG_AGO, "2026-12-31", false, lastYear);

        assertThat(health.monthlyPace()).isEqualByComparingTo("0");
        assertThat(health.verdict()).isEqualTo(Verdict.AT_RISK);
    }

    @Test
    void aYoungGoalIsMeasuredOverAtLeastThirtyDays() {
        // created five days ago with one contribution of 100.00: 100.00 per 30 days, not 600.00
        List<Contribution> one = List.of(contribution("2026-03-12", "100.00"));

        Assessment health = assess("1000.00", "100.00", LocalDate.of(2026, 3, 11), "2026-11-30", false, one);

        assertThat(health.windowDays()).isEqualTo(30);
        assertThat(health.monthlyPace()).isEqualByComparingTo("100.00");
        // 900.00 left over 9 months at 100.00: on track
        assertThat(health.verdict()).isEqualTo(Verdict.ON_TRACK);
    }

    @Test
    void aGoalBetweenThirtyAndNinetyDaysOldIsMeasuredOverItsAge() {
        assertThat(GoalHealth.windowDays(TODAY.minusDays(44), TODAY)).isEqualTo(45);
        assertThat(GoalHealth.windowDays(TODAY, TODAY)).isEqualTo(30);
        assertThat(GoalHealth.windowDays(TODAY.minusYears(1), TODAY)).isEqualTo(90);
    }

    @Test
    void theSuggestionIsRoundedUpToTheMinorUnitSoPayingItReachesTheTarget() {
        // 100.00 over March..May
        Assessment health = assess("100.00", "0", TODAY, "2026-05-31", false, List.of());

        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("33.34"));
    }

    @Test
    void aCurrencyWithoutDecimalsIsSuggestedInWholeUnits() {
        Assessment health = GoalHealth.assess(new GoalHealth.Input(
                new BigDecimal("1000"), BigDecimal.ZERO, 0, TODAY, LocalDate.of(2026, 5, 31), false, List.of(), TODAY));

        assertThat(health.suggestedMonthlyContribution()).isEqualTo(new BigDecimal("334"));
    }

    private static Assessment assess(
            String target,
            String saved,
            LocalDate createdOn,
            String targetDate,
            boolean completed,
            List<Contribution> history) {
        return GoalHealth.assess(new GoalHealth.Input(
                new BigDecimal(target),
                new BigDecimal(saved),
                2,
                createdOn,
                LocalDate.parse(targetDate),
                completed,
                history,
                TODAY));
    }

    private static Contribution contribution(String on, String amount) {
        return new Contribution(LocalDate.parse(on), new BigDecimal(amount));
    }
}

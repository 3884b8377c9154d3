package io.mita.budget.goal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.goal.GoalStatistics.CurrencyTotals;
import io.mita.budget.goal.GoalStatistics.Entry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalStatisticsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    @Test
    void countsPerStatusAveragesProgressAndTotalsPerCurrencyWithoutMixingThem() {
        GoalStatistics statistics = GoalStatistics.of(
                List.of(
                        entry(GoalStatus.ACTIVE, "EUR", 2, "1000.00", "250.00", "2026-12-31"),
                        entry(GoalStatus.PAUSED, "EUR", 2, "500.00", "100.00", "2026-01-31"),
                        entry(GoalStatus.COMPLETED, "EUR", 2, "200.00", "200.00", "2026-01-31"),
                        entry(GoalStatus.ACTIVE, "JPY", 0, "100000", "33333", "2027-01-01")),
                TODAY);

        assertThat(statistics.goals()).isEqualTo(4);
        assertThat(statistics.byStatus())
                .containsEntry(GoalStatus.ACTIVE, 2)
                .containsEntry(GoalStatus.PAUSED, 1)
                .containsEntry(GoalStatus.COMPLETED, 1);
        // the paused goal's date has passed; the completed one's has too, but it is done
        assertThat(statistics.overdue()).isEqualTo(1);
        // (25.0 + 20.0 + 100.0 + 33.3) / 4 = 44.575, rounded down
        assertThat(statistics.averageProgressPercent()).isEqualTo(new BigDecimal("44.5"));
        assertThat(statistics.byCurrency())
                .containsExactly(
                        new CurrencyTotals(
                                "EUR",
                                3,
                                new BigDecimal("550.00"),
                                new BigDecimal("1700.00"),
                                new BigDecimal("1150.00")),
                        new CurrencyTotals(
                                "JPY", 1, new BigDecimal("33333"), new BigDecimal("100000"), new BigDecimal("66667")));
    }

    @Test
    void withoutGoalsEverythingIsZeroAndThereIsNoAverage() {
        GoalStatistics statistics = GoalStatistics.of(List.of(), TODAY);

        assertThat(statistics.goals()).isZero();
        assertThat(statistics.byStatus()).containsValues(0, 0, 0).hasSize(3);
        assertThat(statistics.averageProgressPercent()).isNull();
        assertThat(statistics.byCurrency()).isEmpty();
    }

    @Test
    void anOverSavedGoalCountsAsAHundredPercentAndNothingRemaining() {
        GoalStatistics statistics = GoalStatistics.of(
                List.of(
                        entry(GoalStatus.COMPLETED, "EUR", 2, "100.00", "180.00", "2026-12-31"),
                        entry(GoalStatus.ACTIVE, "EUR", 2, "100.00", "0", "2026-12-31")),
                TODAY);

        assertThat(statistics.averageProgressPercent()).isEqualTo(new BigDecimal("50.0"));
        assertThat(statistics.byCurrency().get(0).remaining()).isEqualTo(new BigDecimal("100.00"));
        assertThat(statistics.byCurrency().get(0).saved()).isEqualTo(new BigDecimal("180.00"));
    }

    private static Entry entry(
            GoalStatus status, String currency, int digits, String target, String saved, String targetDate) {
        return new Entry(
                status, currency, digits, new BigDecimal(target), new BigDecimal(saved), LocalDate.parse(targetDate));
    }
}

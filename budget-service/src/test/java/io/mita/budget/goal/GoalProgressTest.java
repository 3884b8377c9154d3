package io.mita.budget.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GoalProgressTest {

    @Test
    void showsSavedRemainingAndPercentWithTheCurrencysDigits() {
        GoalProgress progress = GoalProgress.of(new BigDecimal("300.0000"), new BigDecimal("1200.0000"), 2);

        assertThat(progress.saved()).isEqualTo(new BigDecimal("300.00"));
        assertThat(progress.remaining()).isEqualTo(new BigDecimal("900.00"));
        assertThat(progress.target()).isEqualTo(new BigDecimal("1200.00"));
        assertThat(progress.percent()).isEqualTo(new BigDecimal("25.0"));
        assertThat(progress.reached()).isFalse();
    }

    @Test
    void thePercentIsRoundedDownSoAnAlmostReachedGoalNeverShowsAHundred() {
        GoalProgress progress = GoalProgress.of(new BigDecimal("99.99"), new BigDecimal("100.00"), 2);

        assertThat(progress.percent()).isEqualTo(new BigDecimal("99.9"));
        assertThat(progress.remaining()).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void savingMoreThanTheTargetLeavesNothingRemainingAndCapsThePercent() {
        GoalProgress progress = GoalProgress.of(new BigDecimal("150.00"), new BigDecimal("100.00"), 2);

        assertThat(progress.remaining()).isEqualTo(new BigDecimal("0.00"));
        assertThat(progress.percent()).isEqualTo(new BigDecimal("100.0"));
        assertThat(progress.reached()).isTrue();
    }

    @Test
    void nothingSavedIsZeroPercent() {
        GoalProgress progress = GoalProgress.of(BigDecimal.ZERO, new BigDecimal("5000"), 0);

        assertThat(progress.saved()).isEqualTo(new BigDecimal("0"));
        assertThat(progress.percent()).isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void refusesATargetOfZero() {
        assertThatThrownBy(() -> GoalProgress.of(BigDecimal.ONE, BigDecimal.ZERO, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

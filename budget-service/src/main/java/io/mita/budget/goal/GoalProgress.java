package io.mita.budget.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How far a goal is: saved, what remains (never below 0) and the percentage of the target saved, rounded
 * down to one decimal and at most 100 (so 99.96 % never shows as 100 % before the goal is reached). Amounts
 * carry the currency's fraction digits. Pure domain: no framework in here.
 */
record GoalProgress(BigDecimal saved, BigDecimal target, BigDecimal remaining, BigDecimal percent) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    GoalProgress {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(percent, "percent");
    }

    static GoalProgress of(BigDecimal saved, BigDecimal target, int fractionDigits) {
        if (target.signum() <= 0) {
            throw new IllegalArgumentException("a target is greater than 0");
        }
        if (saved.signum() < 0) {
            throw new IllegalArgumentException("nothing saved is 0, never less");
        }
        BigDecimal remaining = target.subtract(saved).max(BigDecimal.ZERO);
        BigDecimal percent =
                saved.multiply(HUNDRED).divide(target, 1, RoundingMode.DOWN).min(HUNDRED.setScale(1));
        return new GoalProgress(
                saved.setScale(fractionDigits, RoundingMode.UNNECESSARY),
                target.setScale(fractionDigits, RoundingMode.UNNECESSARY),
                remaining.setScale(fractionDigits, RoundingMode.UNNECESSARY),
                percent);
    }

    boolean reached() {
        return remaining.signum() == 0;
    }
}

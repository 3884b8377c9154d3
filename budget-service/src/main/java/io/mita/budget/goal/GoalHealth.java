package io.mita.budget.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Whether a goal will be reached by its target date at the pace the user has been saving, and how much a
 * month it takes. Pure domain (no framework, no clock: "today" is an input); the rule is written down in
 * docs/budget.md, "Goals", "Health".
 *
 * <ul>
 *   <li><b>Months left</b>: calendar months from this month to the target date's month, both included (a
 *       target date later this month leaves 1); 0 once the target date has passed.
 *   <li><b>Pace</b>: what was contributed in the last {@code window} days, per {@value #DAYS_PER_MONTH} days,
 *       where the window is the goal's age in days (today included), at least {@value #MIN_WINDOW_DAYS} and
 *       at most {@value #MAX_WINDOW_DAYS}: a young goal is not judged on one lucky day, an old one on what
 *       the user does lately.
 *   <li><b>Suggested monthly contribution</b>: what is left divided by the months left, rounded up to the
 *       currency's minor unit (so paying it every month reaches the target in time); everything left when
 *       the date has passed; 0 when the goal is completed.
 *   <li><b>Verdict</b>: COMPLETED when the goal is completed or its target reached; AT_RISK when the target
 *       date has passed; with no contribution ever, BEHIND while more than one month is left (there is time
 *       to start) and AT_RISK in the target's own month; otherwise ON_TRACK when the pace over the months
 *       left covers what is left, BEHIND when it covers at least half of it, AT_RISK below that.
 * </ul>
 * The comparisons are exact (integers of minor units cross-multiplied), never rounded.
 */
final class GoalHealth {

    enum Verdict {
        ON_TRACK,
        BEHIND,
        AT_RISK,
        COMPLETED
    }

    static final int MIN_WINDOW_DAYS = 30;
    static final int MAX_WINDOW_DAYS = 90;
    static final int DAYS_PER_MONTH = 30;

    /** One contribution: the day it was made (UTC) and its amount. */
    record Contribution(LocalDate on, BigDecimal amount) {

        Contribution {
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /** What the rule looks at. {@code history} holds every contribution, in any order. */
    record Input(
            BigDecimal target,
            BigDecimal saved,
            int fractionDigits,
            LocalDate createdOn,
            LocalDate targetDate,
            boolean completed,
            List<Contribution> history,
            LocalDate today) {

        Input {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(saved, "saved");
            Objects.requireNonNull(createdOn, "createdOn");
            Objects.requireNonNull(targetDate, "targetDate");
            Objects.requireNonNull(today, "today");
            history = List.copyOf(history);
            if (target.signum() <= 0 || saved.signum() < 0 || fractionDigits < 0) {
                throw new IllegalArgumentException("a target above 0, a saved amount of at least 0");
            }
        }
    }

    /**
     * The verdict with what it rests on. {@code monthlyPace} is the pace rounded down to the minor unit (for
     * display; the verdict used the exact figure); {@code windowDays} the days the pace was measured over.
     */
    record Assessment(
            Verdict verdict,
            BigDecimal remaining,
            int monthsLeft,
            BigDecimal suggestedMonthlyContribution,
            BigDecimal monthlyPace,
            int windowDays) {}

    private GoalHealth() {}

    static Assessment assess(Input input) {
        int digits = input.fractionDigits();
        BigDecimal remaining = input.target().subtract(input.saved()).max(BigDecimal.ZERO);
        int monthsLeft = monthsLeft(input.today(), input.targetDate());
        int windowDays = windowDays(input.createdOn(), input.today());
        BigDecimal windowSum = windowSum(input.history(), input.today(), windowDays);
        BigDecimal pace = windowSum
                .multiply(BigDecimal.valueOf(DAYS_PER_MONTH))
                .divide(BigDecimal.valueOf(windowDays), digits, RoundingMode.DOWN);

        if (input.completed() || remaining.signum() == 0) {
            return new Assessment(
                    Verdict.COMPLETED,
                    scaled(BigDecimal.ZERO, digits),
                    monthsLeft,
                    scaled(BigDecimal.ZERO, digits),
                    pace,
                    windowDays);
        }
        BigDecimal suggested =
                monthsLeft == 0 ? remaining : remaining.divide(BigDecimal.valueOf(monthsLeft), digits, RoundingMode.UP);
        Verdict verdict = verdict(input, remaining, monthsLeft, windowDays, windowSum);
        return new Assessment(
                verdict, scaled(remaining, digits), monthsLeft, scaled(suggested, digits), pace, windowDays);
    }

    private static Verdict verdict(
            Input input, BigDecimal remaining, int monthsLeft, int windowDays, BigDecimal windowSum) {
        if (monthsLeft == 0) {
            return Verdict.AT_RISK;
        }
        if (input.history().isEmpty()) {
            return monthsLeft > 1 ? Verdict.BEHIND : Verdict.AT_RISK;
        }
        // pace over the months left = windowSum * 30 / windowDays * monthsLeft, compared without dividing
        BigDecimal projected = windowSum.multiply(BigDecimal.valueOf((long) DAYS_PER_MONTH * monthsLeft));
        BigDecimal needed = remaining.multiply(BigDecimal.valueOf(windowDays));
        if (projected.compareTo(needed) >= 0) {
            return Verdict.ON_TRACK;
        }
        if (projected.multiply(BigDecimal.valueOf(2)).compareTo(needed) >= 0) {
            return Verdict.BEHIND;
        }
        return Verdict.AT_RISK;
    }

    static int monthsLeft(LocalDate today, LocalDate targetDate) {
        if (targetDate.isBefore(today)) {
            return 0;
        }
        return Math.toIntExact(ChronoUnit.MONTHS.between(YearMonth.from(today), YearMonth.from(targetDate)) + 1);
    }

    static int windowDays(LocalDate createdOn, LocalDate today) {
        long age = ChronoUnit.DAYS.between(createdOn, today) + 1;
        return (int) Math.max(MIN_WINDOW_DAYS, Math.min(MAX_WINDOW_DAYS, age));
    }

    private static BigDecimal windowSum(List<Contribution> history, LocalDate today, int windowDays) {
        LocalDate first = today.minusDays(windowDays - 1L);
        return history.stream()
                .filter(c -> !c.on().isBefore(first) && !c.on().isAfter(today))
                .map(Contribution::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal scaled(BigDecimal amount, int digits) {
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }
}

package io.mita.budget.habit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mita.budget.money.InvalidMoneyException;
import io.mita.budget.money.Money;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/budget/habits}, and what a habit looks like to a merge patch. Without
 * {@code category} the habit is kept by hand; with one it needs exactly one limit per {@code period}:
 * {@code maxCount} expenses, or {@code maxAmount} in {@code currency}. {@code startsOn} defaults to today
 * (UTC). Unknown members are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CreateHabitRequest(
        @NotBlank @Size(max = 100) String name,

        @Size(min = 1, max = 64) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String category,

        Integer maxCount,
        String maxAmount,
        String currency,

        @NotNull @Pattern(regexp = "DAY|WEEK|MONTH", message = "must be DAY, WEEK or MONTH")
        String period,

        Boolean weekdaysOnly,
        LocalDate startsOn) {

    /** The earliest start a habit may have: the transactions' own lower bound. */
    static final LocalDate EARLIEST_START = LocalDate.of(1900, 1, 1);

    HabitDraft toDraft(LocalDate today) {
        LocalDate start = startsOn == null ? today : startsOn;
        if (start.isBefore(EARLIEST_START) || start.isAfter(today.plusDays(1))) {
            throw new InvalidHabitException("startsOn", "must be between 1900-01-01 and tomorrow (UTC)");
        }
        String trimmedCategory = category == null ? null : category.strip();
        return new HabitDraft(
                name,
                new HabitRule(
                        trimmedCategory,
                        limit(),
                        HabitPeriod.valueOf(period),
                        Boolean.TRUE.equals(weekdaysOnly),
                        start));
    }

    private HabitLimit limit() {
        if (maxAmount == null && currency != null) {
            throw new InvalidHabitLimitException("currency belongs to maxAmount, which is missing");
        }
        if (maxAmount != null && maxCount != null) {
            throw new InvalidHabitLimitException("a limit is either maxCount or maxAmount, not both");
        }
        if (maxCount != null) {
            return HabitLimit.count(maxCount);
        }
        if (maxAmount != null) {
            if (currency == null) {
                throw new InvalidHabitLimitException("maxAmount needs its currency");
            }
            try {
                return HabitLimit.amount(Money.parse(maxAmount, currency));
            } catch (InvalidMoneyException invalid) {
                throw new InvalidHabitLimitException(
                        (invalid.part() == InvalidMoneyException.Part.AMOUNT ? "maxAmount " : "currency ")
                                + invalid.getMessage());
            }
        }
        return null;
    }

    static CreateHabitRequest of(Habit habit) {
        return new CreateHabitRequest(
                habit.name(),
                habit.category(),
                habit.maxCount(),
                habit.maxAmount() == null
                        ? null
                        : habit.rule().limit().maxAmount().amountText(),
                habit.currency(),
                habit.period().name(),
                habit.weekdaysOnly(),
                habit.startsOn());
    }
}

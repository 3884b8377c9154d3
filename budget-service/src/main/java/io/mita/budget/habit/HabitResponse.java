package io.mita.budget.habit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A habit as the API shows it. {@code automatic} says whether it is checked against the transactions
 * (category and limit) or kept by marking days; {@code maxAmount} is a decimal string in {@code currency}.
 */
record HabitResponse(
        UUID id,
        String name,
        String category,
        Integer maxCount,
        String maxAmount,
        String currency,
        String period,
        boolean weekdaysOnly,
        LocalDate startsOn,
        boolean automatic,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static HabitResponse of(Habit habit) {
        HabitRule rule = habit.rule();
        return new HabitResponse(
                habit.id(),
                habit.name(),
                habit.category(),
                habit.maxCount(),
                rule.limit() != null && rule.limit().isAmount()
                        ? rule.limit().maxAmount().amountText()
                        : null,
                habit.currency(),
                habit.period().name(),
                habit.weekdaysOnly(),
                habit.startsOn(),
                rule.automatic(),
                habit.version(),
                habit.createdAt(),
                habit.updatedAt());
    }
}

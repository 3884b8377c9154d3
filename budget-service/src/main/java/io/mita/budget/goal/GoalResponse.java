package io.mita.budget.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A goal as the API shows it. Amounts are decimal strings with the currency's fraction digits; {@code
 * progress.percent} is a number (one decimal, at most 100).
 */
record GoalResponse(
        UUID id,
        String name,
        String targetAmount,
        String currency,
        LocalDate targetDate,
        String category,
        String icon,
        String status,
        Progress progress,
        Instant completedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    record Progress(String saved, String remaining, BigDecimal percent) {}

    static GoalResponse of(Goal goal) {
        GoalProgress progress = goal.progress();
        return new GoalResponse(
                goal.id(),
                goal.name(),
                progress.target().toPlainString(),
                goal.currency(),
                goal.targetDate(),
                goal.category(),
                goal.icon(),
                goal.status().name(),
                new Progress(
                        progress.saved().toPlainString(), progress.remaining().toPlainString(), progress.percent()),
                goal.completedAt(),
                goal.version(),
                goal.createdAt(),
                goal.updatedAt());
    }
}

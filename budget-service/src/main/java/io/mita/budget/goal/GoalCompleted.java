package io.mita.budget.goal;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload ({@code data}) of {@code mita.budget.goal.completed.v1} on {@code mita.budget.v1}: a goal that
 * became COMPLETED, once per goal (completed is final). {@code reason} is TARGET_REACHED (a contribution or a
 * lowered target brought the saved amount to the target) or BY_OWNER (the user completed it, reached or
 * not). Amounts are decimal strings with the currency's fraction digits.
 * Golden file: docs/events/mita.budget.goal.completed.v1.json.
 */
public record GoalCompleted(
        UUID goalId,
        UUID userId,
        String name,
        String savedAmount,
        String targetAmount,
        String currency,
        String reason,
        Instant completedAt,
        long version) {

    static final String TARGET_REACHED = "TARGET_REACHED";
    static final String BY_OWNER = "BY_OWNER";

    static GoalCompleted of(Goal goal, String reason) {
        GoalProgress progress = goal.progress();
        return new GoalCompleted(
                goal.id(),
                goal.userId(),
                goal.name(),
                progress.saved().toPlainString(),
                progress.target().toPlainString(),
                goal.currency(),
                reason,
                goal.completedAt(),
                goal.version());
    }
}

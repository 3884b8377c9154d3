package io.mita.budget.goal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The payload ({@code data}) of {@code mita.budget.goal.created.v1} on {@code mita.budget.v1}: the goal as it
 * was created. {@code targetAmount} is a decimal string with the currency's fraction digits; {@code category}
 * and {@code icon} may be null. Golden file: docs/events/mita.budget.goal.created.v1.json.
 */
public record GoalCreated(
        UUID goalId,
        UUID userId,
        String name,
        String targetAmount,
        String currency,
        LocalDate targetDate,
        String category,
        String icon,
        String status,
        long version) {

    static GoalCreated of(Goal goal) {
        return new GoalCreated(
                goal.id(),
                goal.userId(),
                goal.name(),
                goal.target().amountText(),
                goal.currency(),
                goal.targetDate(),
                goal.category(),
                goal.icon(),
                goal.status().name(),
                goal.version());
    }
}

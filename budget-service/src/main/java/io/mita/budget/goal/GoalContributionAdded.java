package io.mita.budget.goal;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload ({@code data}) of {@code mita.budget.goal.contribution-added.v1} on {@code mita.budget.v1}:
 * one contribution and the goal's progress after it. Amounts are decimal strings with the currency's
 * fraction digits; {@code source} is MANUAL or AUTO_TRANSFER; {@code goalVersion} is the goal's version
 * after the contribution, so a consumer can order what it sees of one goal. The contribution's free-text
 * note is left out on purpose (it may hold personal data no other service needs). When the contribution
 * reaches the target, {@code mita.budget.goal.completed.v1} follows in the same database transaction.
 * Golden file: docs/events/mita.budget.goal.contribution-added.v1.json.
 */
public record GoalContributionAdded(
        UUID goalId,
        UUID userId,
        UUID contributionId,
        String amount,
        String currency,
        String source,
        String savedAmount,
        String targetAmount,
        Instant contributedAt,
        long goalVersion) {

    static GoalContributionAdded of(Goal goal, GoalContribution contribution) {
        GoalProgress progress = goal.progress();
        return new GoalContributionAdded(
                goal.id(),
                goal.userId(),
                contribution.id(),
                contribution.money().amountText(),
                contribution.currency(),
                contribution.source().name(),
                progress.saved().toPlainString(),
                progress.target().toPlainString(),
                contribution.createdAt(),
                goal.version());
    }
}

package io.mita.budget.goal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code GET /api/budget/goals/{id}/health}: the verdict of {@link GoalHealth} and what it rests on. Amounts
 * are decimal strings in the goal's currency.
 */
record GoalHealthResponse(
        UUID goalId,
        String verdict,
        String currency,
        String remaining,
        LocalDate targetDate,
        int monthsLeft,
        String suggestedMonthlyContribution,
        String monthlyPace,
        int paceWindowDays) {

    static GoalHealthResponse of(Goal goal, GoalHealth.Assessment assessment) {
        return new GoalHealthResponse(
                goal.id(),
                assessment.verdict().name(),
                goal.currency(),
                assessment.remaining().toPlainString(),
                goal.targetDate(),
                assessment.monthsLeft(),
                assessment.suggestedMonthlyContribution().toPlainString(),
                assessment.monthlyPace().toPlainString(),
                assessment.windowDays());
    }
}

package io.mita.budget.goal;

import io.mita.budget.dashboard.DashboardGoal;
import io.mita.budget.dashboard.NextGoals;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The dashboard's next goals: the user's live ACTIVE goals, nearest target date first (then oldest), one query
 * on the partial index {@code goal_user_next} (V6).
 */
@Component
class NextGoalReader implements NextGoals {

    static final String NEXT = """
            SELECT * FROM goal WHERE user_id = :userId AND deleted_at IS NULL AND status = 'ACTIVE'
            ORDER BY target_date, created_at, id LIMIT :limit""";

    private final GoalRepository goals;

    NextGoalReader(GoalRepository goals) {
        this.goals = goals;
    }

    @Override
    public Flux<DashboardGoal> next(UUID userId, int limit) {
        return goals.findNext(userId, limit).map(NextGoalReader::line);
    }

    static DashboardGoal line(Goal goal) {
        GoalProgress progress = goal.progress();
        return new DashboardGoal(
                goal.id(),
                goal.name(),
                progress.target().toPlainString(),
                goal.currency(),
                goal.targetDate(),
                progress.saved().toPlainString(),
                progress.remaining().toPlainString(),
                progress.percent());
    }
}

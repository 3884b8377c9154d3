package io.mita.budget.goal;

import io.mita.budget.dashboard.DashboardDay;
import io.mita.budget.dashboard.DashboardGoal;
import io.mita.budget.dashboard.DashboardPart;
import io.mita.budget.dashboard.NextGoals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's next goals: the user's live ACTIVE goals, nearest target date first (then oldest), the first
 * {@code :goalLimit} rows of the partial index {@code goal_user_next} (V6), as a JSON array of arrays
 * {@code [id, name, targetAmount, currency, targetDate, savedAmount]}; the progress is the goal's own.
 */
@Component
class NextGoalReader implements NextGoals {

    static final String NEXT = """
            (SELECT json_agg(json_build_array(g.id, g.name, g.target_amount::text, g.currency, g.target_date,
                                              g.saved_amount::text) ORDER BY g.target_date, g.created_at, g.id)
             FROM (SELECT id, name, target_amount, currency, target_date, saved_amount, created_at FROM goal
                   WHERE user_id = :userId AND deleted_at IS NULL AND status = 'ACTIVE'
                   ORDER BY target_date, created_at, id LIMIT :goalLimit) g)""";

    @Override
    public String subquery() {
        return NEXT;
    }

    @Override
    public List<DashboardGoal> read(String json, DashboardDay day) {
        List<DashboardGoal> lines = new ArrayList<>();
        for (JsonNode goal : DashboardPart.parse(json)) {
            String currency = goal.get(3).asString();
            GoalProgress progress = GoalProgress.of(
                    new BigDecimal(goal.get(5).asString()),
                    new BigDecimal(goal.get(2).asString()),
                    Currency.getInstance(currency).getDefaultFractionDigits());
            lines.add(new DashboardGoal(
                    UUID.fromString(goal.get(0).asString()),
                    goal.get(1).asString(),
                    progress.target().toPlainString(),
                    currency,
                    LocalDate.parse(goal.get(4).asString()),
                    progress.saved().toPlainString(),
                    progress.remaining().toPlainString(),
                    progress.percent()));
        }
        return lines;
    }
}

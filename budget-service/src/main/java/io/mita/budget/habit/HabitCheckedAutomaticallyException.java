package io.mita.budget.habit;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** A habit with a category and limit is judged from the transactions: a day cannot be marked kept by hand. */
class HabitCheckedAutomaticallyException extends ProblemException {

    HabitCheckedAutomaticallyException(UUID id) {
        super(
                HttpStatus.CONFLICT,
                "BUDGET_HABIT_CHECKED_AUTOMATICALLY",
                "Habit checked automatically",
                "Habit " + id + " is checked against your transactions; its days cannot be marked by hand.");
    }
}

package io.mita.budget.habit;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No habit with this id belongs to the caller (it may not exist, be deleted, or be someone else's). */
class HabitNotFoundException extends ProblemException {

    HabitNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "BUDGET_HABIT_NOT_FOUND", "Habit not found", "No habit " + id + " exists.");
    }
}

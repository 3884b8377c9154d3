package io.mita.budget.habit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A day marked kept, and when it was first marked. */
record HabitCompletionResponse(UUID habitId, LocalDate day, Instant completedAt) {

    static HabitCompletionResponse of(HabitCompletion completion) {
        return new HabitCompletionResponse(completion.habitId(), completion.day(), completion.completedAt());
    }
}

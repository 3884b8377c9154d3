package io.mita.budget.habit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The payload ({@code data}) of {@code mita.budget.habit.completed.v1} on {@code mita.budget.v1}: a user
 * marked a habit kept for a day (published once per habit and day, however often the day is marked). The
 * habit's name is left out on purpose: free text no other service needs.
 * Golden file: docs/events/mita.budget.habit.completed.v1.json.
 */
public record HabitCompleted(UUID habitId, UUID userId, LocalDate day, Instant completedAt) {

    static HabitCompleted of(Habit habit, LocalDate day, Instant completedAt) {
        return new HabitCompleted(habit.id(), habit.userId(), day, completedAt);
    }
}

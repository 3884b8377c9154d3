package io.mita.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** This service's copy of budget-service's {@code mita.budget.habit.completed.v1} (docs/events). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HabitCompleted(UUID habitId, UUID userId, LocalDate day, Instant completedAt) {

    public static final String TYPE = "mita.budget.habit.completed.v1";
}

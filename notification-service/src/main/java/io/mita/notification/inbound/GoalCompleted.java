package io.mita.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** This service's copy of budget-service's {@code mita.budget.goal.completed.v1} (docs/events). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoalCompleted(
        UUID goalId,
        UUID userId,
        String name,
        String savedAmount,
        String targetAmount,
        String currency,
        String reason,
        Instant completedAt,
        Integer version) {

    public static final String TYPE = "mita.budget.goal.completed.v1";
}

package io.mita.budget.goal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code PUT /api/budget/goals/{id}/allocation}: the monthly amount in the goal's currency (checked
 * against that currency by the use case) and whether it moves into the goal automatically each month.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AllocateGoalRequest(
        @NotNull String monthlyAmount, @NotNull Boolean autoTransfer) {}

package io.mita.budget.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One of the next goals on the dashboard: amounts are decimal strings in the goal's currency. */
public record DashboardGoal(
        UUID id,
        String name,
        String targetAmount,
        String currency,
        LocalDate targetDate,
        String saved,
        String remaining,
        BigDecimal percent) {}

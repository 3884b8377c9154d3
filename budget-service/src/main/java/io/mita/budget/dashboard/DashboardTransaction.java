package io.mita.budget.dashboard;

import java.time.LocalDate;
import java.util.UUID;

/** One of the latest transactions on the dashboard; the amount is a decimal string in its currency. */
public record DashboardTransaction(
        UUID id, String type, String amount, String currency, String category, LocalDate occurredOn, String merchant) {}

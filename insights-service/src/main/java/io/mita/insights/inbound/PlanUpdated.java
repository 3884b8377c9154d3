package io.mita.insights.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * This service's copy of budget-service's {@code mita.budget.plan.updated.v1} payload
 * (docs/events/mita.budget.plan.updated.v1.json): a user's plan of one month as it stands after the change.
 * Only what the insights use is read (income, savings target, allocations); the release flags are left out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanUpdated(
        UUID planId,
        UUID userId,
        String month,
        String currency,
        String income,
        String commitmentsTotal,
        String savingsTarget,
        List<Allocation> allocations,
        Long version) {

    public static final String TYPE = "mita.budget.plan.updated.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Allocation(String category, String amount) {}

    /** The member a projection cannot do without that is missing, or null when the payload is complete. */
    public String missingMember() {
        if (userId == null) {
            return "userId";
        }
        if (month == null || month.isBlank()) {
            return "month";
        }
        if (currency == null || currency.isBlank()) {
            return "currency";
        }
        if (income == null || income.isBlank()) {
            return "income";
        }
        if (version == null) {
            return "version";
        }
        if (allocations != null
                && allocations.stream().anyMatch(a -> a == null || a.category() == null || a.amount() == null)) {
            return "allocations[].category or amount";
        }
        return null;
    }
}

package io.mita.insights.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;

/**
 * This service's copy of budget-service's transaction payload on {@code mita.budget.v1}, the {@code data} of
 * {@code mita.budget.transaction.created.v1}, {@code .updated.v1} and {@code .deleted.v1}
 * (docs/events/mita.budget.transaction.*.v1.json): the transaction as it stands after the change, with a
 * {@code version} that grows with every change.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionRecorded(
        UUID transactionId,
        UUID userId,
        String type,
        String amount,
        String currency,
        String category,
        LocalDate occurredOn,
        String merchant,
        Long version) {

    public static final String CREATED = "mita.budget.transaction.created.v1";
    public static final String UPDATED = "mita.budget.transaction.updated.v1";
    public static final String DELETED = "mita.budget.transaction.deleted.v1";

    /** The member a projection cannot do without that is missing, or null when the payload is complete. */
    public String missingMember() {
        if (transactionId == null) {
            return "transactionId";
        }
        if (userId == null) {
            return "userId";
        }
        if (type == null || type.isBlank()) {
            return "type";
        }
        if (amount == null || amount.isBlank()) {
            return "amount";
        }
        if (currency == null || currency.isBlank()) {
            return "currency";
        }
        if (category == null || category.isBlank()) {
            return "category";
        }
        if (occurredOn == null) {
            return "occurredOn";
        }
        if (version == null) {
            return "version";
        }
        return null;
    }
}

package io.mita.budget.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * This service's copy of ocr-service's {@code mita.ocr.receipt.confirmed.v1} payload on {@code mita.ocr.v1}
 * (docs/events/mita.ocr.receipt.confirmed.v1.json): a receipt the user confirmed, with the corrections made.
 * It becomes one EXPENSE transaction: {@code total} in {@code currency} on {@code occurredOn} at
 * {@code merchant} in {@code category} (none given: {@code other}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceiptConfirmed(
        UUID receiptId,
        UUID userId,
        String merchant,
        LocalDate occurredOn,
        String total,
        String currency,
        String category,
        String note,
        Instant confirmedAt) {

    public static final String TYPE = "mita.ocr.receipt.confirmed.v1";

    /** Which member a transaction cannot do without is missing, or null when the payload is complete. */
    public String missingMember() {
        if (receiptId == null) {
            return "receiptId";
        }
        if (userId == null) {
            return "userId";
        }
        if (occurredOn == null) {
            return "occurredOn";
        }
        if (total == null || total.isBlank()) {
            return "total";
        }
        if (currency == null || currency.isBlank()) {
            return "currency";
        }
        return null;
    }
}

package io.mita.budget.support;

import io.mita.budget.inbound.ReceiptConfirmed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Confirmed receipts as ocr-service sends them, for the integration tests that record one directly. */
public final class ReceiptFixtures {

    private ReceiptFixtures() {}

    /** A new receipt of the user: groceries bought at the merchant on that day, in EUR, no note, confirmed now. */
    public static ReceiptConfirmed aGroceriesReceipt(UUID user, String merchant, LocalDate day, String total) {
        return new ReceiptConfirmed(
                UUID.randomUUID(), user, merchant, day, total, "EUR", "groceries", null, Instant.now());
    }
}

package io.mita.ocr.receipt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code mita.ocr.receipt.confirmed.v1} (topic {@code mita.ocr.v1}, subject = user id): what the
 * user confirmed, corrections applied. budget-service creates one expense from it (keyed on
 * {@code receiptId}, whatever the redelivery). {@code total} is a decimal string with the currency's
 * fraction digits; {@code category} the confirmed or suggested category; {@code merchant} and {@code note}
 * may be null. Golden file: docs/events/mita.ocr.receipt.confirmed.v1.json.
 */
public record ReceiptConfirmed(
        UUID receiptId,
        UUID userId,
        String merchant,
        LocalDate occurredOn,
        String total,
        String currency,
        String category,
        String note,
        Instant confirmedAt) {}

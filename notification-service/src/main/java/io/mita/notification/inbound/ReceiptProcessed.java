package io.mita.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** This service's copy of ocr-service's {@code mita.ocr.receipt.processed.v1} (docs/events). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceiptProcessed(
        UUID receiptId,
        UUID userId,
        String merchant,
        LocalDate occurredOn,
        String total,
        String currency,
        String suggestedCategory,
        Double confidence,
        Instant processedAt) {

    public static final String TYPE = "mita.ocr.receipt.processed.v1";
}

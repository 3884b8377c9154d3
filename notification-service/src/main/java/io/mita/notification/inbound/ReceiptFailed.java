package io.mita.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** This service's copy of ocr-service's {@code mita.ocr.receipt.failed.v1} (docs/events). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceiptFailed(UUID receiptId, UUID userId, String reason, Integer attempts, Instant failedAt) {

    public static final String TYPE = "mita.ocr.receipt.failed.v1";
}

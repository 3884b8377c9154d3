package io.mita.ocr.receipt;

import io.mita.ocr.extraction.Extraction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored receipt: the upload's facts, what OCR read from it ({@code extraction}, null until PROCESSED),
 * why it failed, and what the user confirmed. The image itself lives in {@code receipt_image}.
 */
record Receipt(
        UUID id,
        UUID userId,
        ReceiptStatus status,
        String contentType,
        int sizeBytes,
        String sha256,
        Integer width,
        Integer height,
        Extraction extraction,
        BigDecimal confidence,
        String failureReason,
        Instant createdAt,
        Instant processedAt,
        ReceiptConfirmed confirmation,
        Instant confirmedAt) {

    static Receipt uploaded(
            UUID id,
            UUID userId,
            String contentType,
            int sizeBytes,
            String sha256,
            int width,
            int height,
            Instant now) {
        return new Receipt(
                id,
                userId,
                ReceiptStatus.PENDING,
                contentType,
                sizeBytes,
                sha256,
                width,
                height,
                null,
                null,
                null,
                now,
                null,
                null,
                null);
    }
}

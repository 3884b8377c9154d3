package io.mita.ocr.receipt;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code mita.ocr.receipt.uploaded.v1}: a new receipt image was stored and queued for OCR. */
public record ReceiptUploaded(
        UUID receiptId,
        UUID userId,
        String contentType,
        int sizeBytes,
        int width,
        int height,
        String sha256,
        Instant uploadedAt) {

    static ReceiptUploaded of(Receipt receipt) {
        return new ReceiptUploaded(
                receipt.id(),
                receipt.userId(),
                receipt.contentType(),
                receipt.sizeBytes(),
                receipt.width(),
                receipt.height(),
                receipt.sha256(),
                receipt.createdAt());
    }
}

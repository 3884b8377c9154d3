package io.mita.ocr.processing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of {@code mita.ocr.receipt.processed.v1}: OCR read the receipt. The fields the budget needs
 * (null when not found), the suggested category and the receipt's confidence (0 to 1). No raw text and
 * no line items: they stay in ocr-service.
 */
public record ReceiptProcessed(
        UUID receiptId,
        UUID userId,
        String merchant,
        LocalDate occurredOn,
        String total,
        String currency,
        String suggestedCategory,
        double confidence,
        Instant processedAt) {}

package io.mita.ocr.processing;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code mita.ocr.receipt.failed.v1}: OCR gave up on the receipt after {@code attempts}. */
public record ReceiptFailed(UUID receiptId, UUID userId, String reason, int attempts, Instant failedAt) {}

package io.mita.ocr.receipt;

import java.time.OffsetDateTime;
import java.util.UUID;

record ReceiptResponse(UUID receiptId, String status, String contentType, int sizeBytes, OffsetDateTime uploadedAt) {}

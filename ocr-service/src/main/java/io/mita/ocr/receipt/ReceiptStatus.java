package io.mita.ocr.receipt;

/** PENDING (queued or being read) → PROCESSED or FAILED → CONFIRMED. */
enum ReceiptStatus {
    PENDING,
    PROCESSED,
    FAILED,
    CONFIRMED
}

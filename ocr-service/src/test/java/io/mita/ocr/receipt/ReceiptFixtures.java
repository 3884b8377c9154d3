package io.mita.ocr.receipt;

import io.mita.ocr.extraction.ExtractedField;
import io.mita.ocr.extraction.Extraction;
import io.mita.ocr.extraction.LineItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

final class ReceiptFixtures {

    static final Instant UPLOADED = Instant.parse("2026-01-15T18:02:37Z");

    private ReceiptFixtures() {}

    static Extraction aLidlExtraction() {
        return new Extraction(
                new ExtractedField<>("Lidl", 0.9),
                new ExtractedField<>(LocalDate.of(2026, 1, 15), 0.85),
                new ExtractedField<>(new BigDecimal("23.47"), 0.8),
                new ExtractedField<>("EUR", 0.9),
                new ExtractedField<>(new BigDecimal("1.54"), 0.7),
                List.of(new LineItem("BANANAS", new BigDecimal("1.49"), 0.88)),
                new ExtractedField<>("groceries", 0.9));
    }

    static Extraction aBlankExtraction() {
        return new Extraction(
                ExtractedField.none(),
                ExtractedField.none(),
                ExtractedField.none(),
                new ExtractedField<>("EUR", 0.2),
                ExtractedField.none(),
                List.of(),
                new ExtractedField<>("other", 0.1));
    }

    static Receipt aReceipt(UUID id, UUID user, ReceiptStatus status, Extraction extraction, Instant uploaded) {
        return new Receipt(
                id,
                user,
                status,
                "image/jpeg",
                2048,
                "a".repeat(63) + id.toString().charAt(0),
                1200,
                2600,
                extraction,
                extraction == null ? null : BigDecimal.valueOf(extraction.confidence()),
                status == ReceiptStatus.FAILED ? "TIMEOUT: tesseract took too long" : null,
                uploaded,
                extraction == null ? null : uploaded.plusSeconds(4),
                null,
                null);
    }

    static Receipt aProcessedReceipt(UUID id, UUID user) {
        return aReceipt(id, user, ReceiptStatus.PROCESSED, aLidlExtraction(), UPLOADED);
    }
}

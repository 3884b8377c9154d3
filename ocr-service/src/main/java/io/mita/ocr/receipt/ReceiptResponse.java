package io.mita.ocr.receipt;

import io.mita.ocr.extraction.ExtractedField;
import io.mita.ocr.extraction.Extraction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A receipt as the API shows it: status, the image's facts, what was read (each field with its confidence,
 * amounts as decimal strings), why it failed, and what was confirmed.
 */
record ReceiptResponse(
        UUID receiptId,
        String status,
        String contentType,
        int sizeBytes,
        Integer width,
        Integer height,
        Instant uploadedAt,
        Instant processedAt,
        BigDecimal confidence,
        Fields fields,
        List<Item> items,
        String failureReason,
        ReceiptConfirmed confirmed) {

    record Field(String value, double confidence) {

        static Field of(ExtractedField<?> field) {
            return field == null || !field.found()
                    ? null
                    : new Field(
                            field.value() instanceof BigDecimal amount
                                    ? amount.toPlainString()
                                    : field.value().toString(),
                            field.confidence());
        }
    }

    record Fields(Field merchant, Field date, Field total, Field currency, Field tax, Field category) {}

    record Item(String description, String amount, double confidence) {}

    static ReceiptResponse of(Receipt receipt) {
        Extraction read = receipt.extraction();
        return new ReceiptResponse(
                receipt.id(),
                receipt.status().name(),
                receipt.contentType(),
                receipt.sizeBytes(),
                receipt.width(),
                receipt.height(),
                receipt.createdAt(),
                receipt.processedAt(),
                receipt.confidence(),
                read == null
                        ? null
                        : new Fields(
                                Field.of(read.merchant()),
                                Field.of(read.date()),
                                Field.of(read.total()),
                                Field.of(read.currency()),
                                Field.of(read.tax()),
                                Field.of(read.category())),
                read == null
                        ? List.of()
                        : read.items().stream()
                                .map(i -> new Item(i.description(), i.amount().toPlainString(), i.confidence()))
                                .toList(),
                receipt.failureReason(),
                receipt.confirmation());
    }
}

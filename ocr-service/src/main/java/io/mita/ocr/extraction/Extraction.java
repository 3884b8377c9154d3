package io.mita.ocr.extraction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What was read from one receipt, each field with its confidence; a suggested category for the budget. */
public record Extraction(
        ExtractedField<String> merchant,
        ExtractedField<LocalDate> date,
        ExtractedField<BigDecimal> total,
        ExtractedField<String> currency,
        ExtractedField<BigDecimal> tax,
        List<LineItem> items,
        ExtractedField<String> category) {

    public Extraction {
        items = List.copyOf(items);
    }

    /** The receipt's confidence: the mean of the three fields a transaction needs (merchant, date, total). */
    public double confidence() {
        return Math.round((merchant.confidence() + date.confidence() + total.confidence()) / 3 * 1000) / 1000.0;
    }
}

package io.mita.ocr.extraction;

/** One field read from a receipt with how sure the extraction is (0 to 1); value null when not found. */
public record ExtractedField<T>(T value, double confidence) {

    public static <T> ExtractedField<T> none() {
        return new ExtractedField<>(null, 0);
    }

    public ExtractedField {
        confidence = value == null ? 0 : Math.round(Math.max(0, Math.min(1, confidence)) * 1000) / 1000.0;
    }

    public boolean found() {
        return value != null;
    }
}

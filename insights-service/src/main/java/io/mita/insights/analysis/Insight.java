package io.mita.insights.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finding about a user's month: its kind, a key that tells it from the kind's other findings of the month
 * (the category, the transaction id, the merchant; empty when the kind has one finding a month), a severity, a
 * short title, a templated sentence and the evidence (the numbers behind it; amounts as decimal strings).
 * Titles and texts never hold a merchant or anything the user typed but a category.
 */
public record Insight(
        InsightKind kind, String key, Severity severity, String title, String text, Map<String, Object> evidence) {

    public Insight {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}

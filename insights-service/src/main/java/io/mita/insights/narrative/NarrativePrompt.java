package io.mita.insights.narrative;

import io.mita.insights.analysis.Insight;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the model is told about one insight: its kind, severity, month and the figures of its evidence that are
 * aggregated amounts, percentages, counts or a category name. Left out on purpose: merchants, transaction ids,
 * single days and anything the user typed (notes never reach this service); the user is not named.
 */
public record NarrativePrompt(String kind, String severity, String month, Map<String, Object> figures) {

    /** The evidence members that may leave the service; every other member stays. */
    static final Set<String> ALLOWED = Set.of(
            "category",
            "spent",
            "allocated",
            "over",
            "percent",
            "previousSpent",
            "difference",
            "changePercent",
            "median",
            "mad",
            "zScore",
            "threshold",
            "sampleSize",
            "amount",
            "payments",
            "typicalAmount",
            "intervalDays",
            "spentToDate",
            "daysElapsed",
            "daysInMonth",
            "forecast",
            "planned",
            "income",
            "saved",
            "ratePercent",
            "targetPercent");

    public static NarrativePrompt of(Insight insight, YearMonth month) {
        Map<String, Object> figures = new LinkedHashMap<>();
        insight.evidence().forEach((member, value) -> {
            if (ALLOWED.contains(member) && value != null) {
                figures.put(member, value);
            }
        });
        return new NarrativePrompt(insight.kind().name(), insight.severity().name(), month.toString(), figures);
    }
}

package io.mita.insights.insight;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload ({@code data}) of {@code mita.insights.insight.generated.v1} on {@code mita.insights.v1}
 * (docs/events/mita.insights.insight.generated.v1.json): a HIGH-severity insight that was found for the first
 * time (or rose to HIGH). Title and text are templated: no merchant or text typed by the user.
 */
public record InsightGenerated(
        UUID insightId,
        UUID userId,
        String kind,
        String severity,
        String month,
        String title,
        String text,
        Instant generatedAt) {}

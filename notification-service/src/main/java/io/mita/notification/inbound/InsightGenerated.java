package io.mita.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * This service's copy of insights-service's {@code mita.insights.insight.generated.v1} on {@code mita.insights.v1}
 * (docs/events; the session's contract: only HIGH-severity insights are published, no merchant names or user text).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InsightGenerated(
        UUID insightId,
        UUID userId,
        String kind,
        String severity,
        String month,
        String title,
        String text,
        Instant generatedAt) {

    public static final String TYPE = "mita.insights.insight.generated.v1";
}

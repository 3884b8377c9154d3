package io.mita.notification.inbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** This service's copy of budget-service's {@code mita.budget.threshold.reached.v1} (docs/events). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ThresholdReached(
        UUID userId, String month, String category, Integer percent, String allocated, String spent, String currency) {

    public static final String TYPE = "mita.budget.threshold.reached.v1";
}

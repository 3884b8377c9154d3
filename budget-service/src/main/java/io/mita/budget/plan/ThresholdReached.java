package io.mita.budget.plan;

import java.util.UUID;

/**
 * The payload of {@code mita.budget.threshold.reached.v1}: a category's spending in a month reached 80 or 100 %
 * of its allocation in the plan. Published once per user, month, category and threshold. Golden file:
 * docs/events/mita.budget.threshold.reached.v1.json.
 */
public record ThresholdReached(
        UUID userId, String month, String category, int percent, String allocated, String spent, String currency) {}

package io.mita.insights.projection;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

/** A user's plan of one month as an event describes it; replaces the stored one only with a greater version. */
public record PlanState(
        UUID userId,
        YearMonth month,
        long version,
        String currency,
        BigDecimal income,
        BigDecimal commitmentsTotal,
        BigDecimal savingsTarget,
        Map<String, BigDecimal> allocations)
        implements ProjectionChange {}

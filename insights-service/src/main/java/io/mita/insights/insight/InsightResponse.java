package io.mita.insights.insight;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

record InsightResponse(
        UUID id,
        String month,
        String kind,
        String severity,
        String title,
        String text,
        String narrative,
        @JsonRawValue String evidence,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime dismissedAt) {}

record InsightListResponse(String month, List<InsightResponse> items) {}

package io.mita.insights.insight;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

record InsightResponse(
        UUID id,
        String kind,
        String severity,
        String text,
        @JsonRawValue String evidence,
        OffsetDateTime createdAt) {}

record InsightListResponse(String month, List<InsightResponse> items) {}

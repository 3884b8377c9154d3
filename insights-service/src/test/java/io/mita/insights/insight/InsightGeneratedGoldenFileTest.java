package io.mita.insights.insight;

import io.mita.testsupport.GoldenEvents;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The payload of mita.insights.insight.generated.v1 serialises to its golden file (docs/events). */
class InsightGeneratedGoldenFileTest {

    @Test
    void theInsightGeneratedPayloadSerialisesToTheGoldenFile() {
        JsonNode golden = GoldenEvents.read(InsightPublisher.GENERATED);

        GoldenEvents.assertSerialisesTo(
                InsightPublisher.GENERATED,
                new InsightGenerated(
                        UUID.fromString(golden.get("insightId").asString()),
                        UUID.fromString(golden.get("userId").asString()),
                        "CATEGORY_OVERSPEND",
                        "HIGH",
                        "2026-01",
                        "Over budget: groceries",
                        "You spent 432.50 EUR on groceries, 32.50 EUR more than the 400.00 EUR planned (108.1 %).",
                        Instant.parse("2026-01-20T08:00:00Z")));
    }
}

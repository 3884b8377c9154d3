package io.mita.audit.trail;

import io.mita.testsupport.GoldenEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data of mita.audit.log.accessed.v1 (before masking) serialises to its golden file (docs/events). */
class LogAccessedGoldenFileTest {

    @Test
    void theLogAccessedDataSerialisesToTheGoldenFile() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("type", "mita.budget.transaction.created.v1");
        details.put("from", "2026-01-01T00:00:00Z");
        details.put("limit", "50");

        GoldenEvents.assertSerialisesTo(AccessTrail.TYPE, new LogAccessed("search", details));
    }
}

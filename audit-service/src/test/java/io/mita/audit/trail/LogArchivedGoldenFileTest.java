package io.mita.audit.trail;

import io.mita.testsupport.GoldenEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data of mita.audit.log.archived.v1 serialises to its golden file (docs/events). */
class LogArchivedGoldenFileTest {

    @Test
    void theLogArchivedDataSerialisesToTheGoldenFile() {
        GoldenEvents.assertSerialisesTo(
                ArchiveTrail.TYPE,
                new LogArchived(
                        "2025-01",
                        1843,
                        1L,
                        1843L,
                        "5f1c0e3b8a2d4c6e9f7a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e",
                        "audit-2025-01.ndjson.gz",
                        "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9",
                        "audit-2025-01.manifest.json",
                        List.of("audit_event_y2025m01", "audit_chain_y2025m01")));
    }
}

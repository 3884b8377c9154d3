package io.mita.auth.export;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code mita.auth.user.export-requested.v1}: a user asked for the export of their data (GDPR Art. 15/20). No data.
 * Golden file: {@code docs/events/mita.auth.user.export-requested.v1.json}.
 */
public record DataExportRequested(UUID userId, UUID exportId, Instant requestedAt) {

    public static final String TYPE = "mita.auth.user.export-requested.v1";
}

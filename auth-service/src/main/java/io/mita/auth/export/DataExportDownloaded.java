package io.mita.auth.export;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code mita.auth.user.export-downloaded.v1}: the archive of an export left the service (one event per download).
 * No data. Golden file: {@code docs/events/mita.auth.user.export-downloaded.v1.json}.
 */
public record DataExportDownloaded(UUID userId, UUID exportId, Instant downloadedAt) {

    public static final String TYPE = "mita.auth.user.export-downloaded.v1";
}

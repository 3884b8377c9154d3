package io.mita.auth.export;

import java.time.Instant;
import java.util.UUID;

/** An export's state: {@code archiveSize}/{@code archiveSha256} once READY, {@code failureReason} once FAILED. */
record DataExportResponse(
        UUID id,
        String status,
        Instant requestedAt,
        Instant completedAt,
        Instant expiresAt,
        String failureReason,
        Long archiveSize,
        String archiveSha256) {

    static DataExportResponse of(DataExport export) {
        return new DataExportResponse(
                export.id(),
                export.status().name(),
                export.requestedAt(),
                export.completedAt(),
                export.expiresAt(),
                export.failureReason(),
                export.archiveSize(),
                export.archiveSha256());
    }
}

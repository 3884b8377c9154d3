package io.mita.auth.export;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code mita.auth.user.export-completed.v1}: an export is READY to download or FAILED (then {@code reason} says
 * why, e.g. which service did not answer; null when READY). No data. Golden file:
 * {@code docs/events/mita.auth.user.export-completed.v1.json}.
 */
public record DataExportCompleted(UUID userId, UUID exportId, String status, String reason, Instant completedAt) {

    public static final String TYPE = "mita.auth.user.export-completed.v1";
}

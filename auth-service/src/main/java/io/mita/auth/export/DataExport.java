package io.mita.auth.export;

import java.time.Instant;
import java.util.UUID;

/** One export of a user's data, without its archive's bytes. */
record DataExport(
        UUID id,
        UUID userId,
        Status status,
        Instant requestedAt,
        Instant completedAt,
        Instant expiresAt,
        String failureReason,
        Long archiveSize,
        String archiveSha256) {

    enum Status {
        PENDING,
        READY,
        FAILED
    }

    static DataExport pending(UUID id, UUID userId, Instant requestedAt, Instant expiresAt) {
        return new DataExport(id, userId, Status.PENDING, requestedAt, null, expiresAt, null, null, null);
    }

    DataExport ready(Instant at, long size, String sha256) {
        return new DataExport(id, userId, Status.READY, requestedAt, at, expiresAt, null, size, sha256);
    }

    DataExport failed(Instant at, String reason) {
        return new DataExport(id, userId, Status.FAILED, requestedAt, at, expiresAt, reason, null, null);
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}

package io.mita.auth.export;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code data_export} rows (the archive's bytes are {@link ExportChunks}, the claims {@link ExportQueue}). */
@Repository
class DataExportRepository {

    private static final String COLUMNS = "id, user_id, status, requested_at, completed_at, expires_at,"
            + " failure_reason, archive_size, archive_sha256";

    private final DatabaseClient db;

    DataExportRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Fails with a data-integrity violation when the user has a PENDING export already (partial unique index). */
    Mono<Void> insert(DataExport export) {
        return db.sql("INSERT INTO data_export (id, user_id, status, requested_at, expires_at, next_attempt_at)"
                        + " VALUES (:id, :userId, 'PENDING', :requestedAt, :expiresAt, :requestedAt)")
                .bind("id", export.id())
                .bind("userId", export.userId())
                .bind("requestedAt", export.requestedAt())
                .bind("expiresAt", export.expiresAt())
                .then();
    }

    Mono<Boolean> hasPending(UUID userId) {
        return db.sql("SELECT count(*) AS n FROM data_export WHERE user_id = :userId AND status = 'PENDING'")
                .bind("userId", userId)
                .map(row -> row.get("n", Long.class))
                .one()
                .map(n -> n > 0);
    }

    Mono<Long> requestedSince(UUID userId, Instant since) {
        return db.sql("SELECT count(*) AS n FROM data_export WHERE user_id = :userId AND requested_at >= :since")
                .bind("userId", userId)
                .bind("since", since)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** The export if it is the user's; someone else's is as unknown as a missing one. */
    Mono<DataExport> findOwn(UUID id, UUID userId) {
        return db.sql("SELECT " + COLUMNS + " FROM data_export WHERE id = :id AND user_id = :userId")
                .bind("id", id)
                .bind("userId", userId)
                .map(DataExportRepository::export)
                .one();
    }

    /**
     * Marks a claimed export READY (its chunks are stored); answers whether {@code claim} still held it (the account
     * may be gone, or the lease ran out and another worker claimed it).
     */
    Mono<Boolean> markReady(DataExport export, String claim) {
        return db.sql("UPDATE data_export SET status = 'READY', completed_at = :at, archive_size = :size,"
                        + " archive_sha256 = :sha256, claimed_by = NULL, lease_until = NULL"
                        + " WHERE id = :id AND status = 'PENDING' AND claimed_by = :claim")
                .bind("at", export.completedAt())
                .bind("claim", claim)
                .bind("size", export.archiveSize())
                .bind("sha256", export.archiveSha256())
                .bind("id", export.id())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Marks a claimed export FAILED; answers whether {@code claim} still held it. */
    Mono<Boolean> markFailed(DataExport export, String claim) {
        return db.sql("UPDATE data_export SET status = 'FAILED', completed_at = :at, failure_reason = :reason,"
                        + " claimed_by = NULL, lease_until = NULL"
                        + " WHERE id = :id AND status = 'PENDING' AND claimed_by = :claim")
                .bind("claim", claim)
                .bind("at", export.completedAt())
                .bind("reason", export.failureReason())
                .bind("id", export.id())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    private static DataExport export(Readable row) {
        return new DataExport(
                row.get("id", UUID.class),
                row.get("user_id", UUID.class),
                DataExport.Status.valueOf(row.get("status", String.class)),
                row.get("requested_at", Instant.class),
                row.get("completed_at", Instant.class),
                row.get("expires_at", Instant.class),
                row.get("failure_reason", String.class),
                row.get("archive_size", Long.class),
                row.get("archive_sha256", String.class));
    }
}

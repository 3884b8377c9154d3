package io.mita.auth.export;

import io.mita.auth.export.DataExportProblems.ExportExpiredException;
import io.mita.auth.export.DataExportProblems.ExportNotFoundException;
import io.mita.auth.export.DataExportProblems.ExportNotReadyException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An export's state and its archive, for its owner only: another user's export is not found (404), an expired one
 * answers {@code AUTH_EXPORT_EXPIRED} until the retention purge deletes it. Every download writes
 * {@code mita.auth.user.export-downloaded.v1} (the archive left the service).
 */
@Service
class ReadDataExport {

    /** A READY export and its archive's bytes, read chunk by chunk as the subscriber asks for them. */
    record Download(DataExport export, Flux<ByteBuffer> bytes) {}

    private final DataExportRepository exports;
    private final ExportChunks chunks;
    private final DataExportPublisher events;
    private final TransactionalOperator transaction;
    private final Clock clock;

    ReadDataExport(
            DataExportRepository exports,
            ExportChunks chunks,
            DataExportPublisher events,
            TransactionalOperator transaction,
            Clock clock) {
        this.exports = exports;
        this.chunks = chunks;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    Mono<DataExport> status(UUID userId, UUID exportId) {
        return exports.findOwn(exportId, userId)
                .switchIfEmpty(Mono.error(() -> new ExportNotFoundException(exportId)))
                .flatMap(export -> export.expiredAt(clock.instant())
                        ? Mono.error(new ExportExpiredException(exportId))
                        : Mono.just(export));
    }

    /**
     * The archive, after the download event is stored: its chunks are read one at a time while the response is
     * written, so a download holds a chunk (≤ 1 MiB) of heap, not the archive.
     */
    Mono<Download> download(UUID userId, UUID exportId) {
        return status(userId, exportId)
                .flatMap(export -> export.status() == DataExport.Status.READY
                        ? Mono.just(export)
                        : Mono.error(new ExportNotReadyException(exportId, export.status())))
                .flatMap(export -> {
                    Instant now = clock.instant();
                    return events.downloaded(userId, exportId, now)
                            .as(transaction::transactional)
                            .thenReturn(new Download(
                                    export, chunks.sequence(exportId).concatMap(seq -> chunks.read(exportId, seq), 1)));
                });
    }
}

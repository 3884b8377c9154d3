package io.mita.auth.export;

import io.mita.auth.export.DataExportProblems.ExportLimitReachedException;
import io.mita.auth.export.DataExportProblems.ExportPendingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/me/export}: records a PENDING export with {@code mita.auth.user.export-requested.v1} in one
 * transaction — the row is the queue's entry — and wakes the {@link DataExportWorker}. One PENDING export per user
 * (409), at most {@code max-per-day} requests within 24 hours (429). An export interrupted by a restart stays
 * PENDING until a worker claims it again (its lease ran out), so it is built after all.
 */
@Service
class RequestDataExport {

    private final DataExportRepository exports;
    private final DataExportPublisher events;
    private final DataExportWorker worker;
    private final DataExportProperties properties;
    private final TransactionalOperator transaction;
    private final Clock clock;

    RequestDataExport(
            DataExportRepository exports,
            DataExportPublisher events,
            DataExportWorker worker,
            DataExportProperties properties,
            TransactionalOperator transaction,
            Clock clock) {
        this.exports = exports;
        this.events = events;
        this.worker = worker;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    Mono<DataExport> request(UUID userId) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            DataExport export = DataExport.pending(UUID.randomUUID(), userId, now, now.plus(properties.lifetime()));
            return exports.hasPending(userId)
                    .flatMap(pending -> pending
                            ? Mono.error(new ExportPendingException())
                            : exports.requestedSince(userId, now.minus(Duration.ofDays(1))))
                    .flatMap(count -> count >= properties.maxPerDay()
                            ? Mono.error(new ExportLimitReachedException(properties.maxPerDay()))
                            : exports.insert(export).then(events.requested(export)))
                    .as(transaction::transactional)
                    .onErrorMap(DataIntegrityViolationException.class, e -> new ExportPendingException())
                    .then(Mono.fromRunnable(worker::wakeUp))
                    .thenReturn(export);
        });
    }
}

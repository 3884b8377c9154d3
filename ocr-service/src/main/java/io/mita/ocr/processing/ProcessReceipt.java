package io.mita.ocr.processing;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.mita.ocr.config.OcrProperties;
import io.mita.ocr.engine.OcrEngineException;
import io.mita.ocr.extraction.Extraction;
import io.mita.ocr.image.RejectedImageException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Works one claimed job: reads the stored image and records the result with its event in one transaction.
 * A failure is retried with exponential back-off until {@code max-attempts}, then the receipt is FAILED with
 * the reason; an image that cannot be decoded fails at once; while the engine's circuit is open (or the
 * bulkhead is full) the job goes back to the queue without losing an attempt.
 */
@Service
class ProcessReceipt {

    private static final Logger log = LoggerFactory.getLogger(ProcessReceipt.class);

    private final ReceiptResults results;
    private final OcrJobs jobs;
    private final ReceiptReader reader;
    private final ProcessingPublisher publisher;
    private final OcrMetrics metrics;
    private final TransactionalOperator inTransaction;
    private final Clock clock;
    private final OcrProperties.Jobs settings;
    private final Duration breakerWait;

    ProcessReceipt(
            ReceiptResults results,
            OcrJobs jobs,
            ReceiptReader reader,
            ProcessingPublisher publisher,
            OcrMetrics metrics,
            TransactionalOperator inTransaction,
            Clock clock,
            OcrProperties properties) {
        this.results = results;
        this.jobs = jobs;
        this.reader = reader;
        this.publisher = publisher;
        this.metrics = metrics;
        this.inTransaction = inTransaction;
        this.clock = clock;
        this.settings = properties.jobs();
        this.breakerWait = properties.breaker().waitInOpenState();
    }

    Mono<Void> process(ClaimedJob job, String worker) {
        long started = System.nanoTime();
        return results.image(job.receiptId())
                .flatMap(image -> reader.read(image, LocalDate.now(clock)))
                .flatMap(extraction -> succeed(job, worker, extraction, started))
                .onErrorResume(failure -> failed(job, worker, failure, started));
    }

    private Mono<Void> succeed(ClaimedJob job, String worker, Extraction extraction, long started) {
        Instant now = now();
        Mono<Void> work = results.processed(job.receiptId(), extraction, now)
                .flatMap(stored -> stored
                        ? publisher.processed(new ReceiptProcessed(
                                job.receiptId(),
                                job.userId(),
                                extraction.merchant().value(),
                                extraction.date().value(),
                                text(extraction.total().value()),
                                extraction.currency().value(),
                                extraction.category().value(),
                                extraction.confidence(),
                                now))
                        : Mono.empty())
                .then(jobs.finish(job.receiptId(), worker, false, null));
        return inTransaction
                .transactional(work)
                .then(Mono.fromRunnable(() ->
                        metrics.processed(Duration.ofNanos(System.nanoTime() - started), extraction.confidence())));
    }

    private Mono<Void> failed(ClaimedJob job, String worker, Throwable failure, long started) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String kind = kind(failure);
        String reason = kind + ": " + failure.getMessage();
        if (failure instanceof CallNotPermittedException || failure instanceof BulkheadFullException) {
            Duration wait = failure instanceof CallNotPermittedException ? breakerWait : Duration.ofSeconds(1);
            metrics.error(kind);
            return jobs.retry(job.receiptId(), worker, now().plus(wait), reason, false);
        }
        boolean permanent = failure instanceof RejectedImageException;
        if (permanent || job.attempt() >= settings.maxAttempts()) {
            log.warn(
                    "OCR of receipt {} failed for good after {} attempt(s): {}",
                    job.receiptId(),
                    job.attempt(),
                    reason);
            metrics.failed(took, kind);
            Instant now = now();
            String stored = permanent ? "IMAGE_UNREADABLE: the image cannot be decoded" : reason;
            Mono<Void> work = results.failed(job.receiptId(), stored, now)
                    .flatMap(done -> done
                            ? publisher.failed(
                                    new ReceiptFailed(job.receiptId(), job.userId(), stored, job.attempt(), now))
                            : Mono.empty())
                    .then(jobs.finish(job.receiptId(), worker, true, stored));
            return inTransaction.transactional(work);
        }
        Duration backOff = backOff(job.attempt());
        log.info(
                "OCR of receipt {} failed (attempt {}), retrying in {}: {}",
                job.receiptId(),
                job.attempt(),
                backOff,
                reason);
        metrics.retried(took, kind);
        return jobs.retry(job.receiptId(), worker, now().plus(backOff), reason, true);
    }

    /** initial × 2^(attempt-1), at most max. */
    Duration backOff(int attempt) {
        Duration backOff = settings.initialBackOff().multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return backOff.compareTo(settings.maxBackOff()) > 0 ? settings.maxBackOff() : backOff;
    }

    static String kind(Throwable failure) {
        if (failure instanceof OcrEngineException engine) {
            return engine.kind() == OcrEngineException.Kind.TIMEOUT ? "TIMEOUT" : "ENGINE_ERROR";
        }
        if (failure instanceof CallNotPermittedException) {
            return "CIRCUIT_OPEN";
        }
        if (failure instanceof BulkheadFullException) {
            return "BULKHEAD_FULL";
        }
        if (failure instanceof RejectedImageException) {
            return "IMAGE_UNREADABLE";
        }
        return "INTERNAL";
    }

    private static String text(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

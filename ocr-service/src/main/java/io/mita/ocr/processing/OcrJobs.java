package io.mita.ocr.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The durable OCR job queue ({@code ocr_job}); {@link OcrJobRepository} is the real one. */
interface OcrJobs {

    /**
     * Claims up to {@code limit} queued jobs that are due and whose lease is free or expired, counting an
     * attempt on each; a claim is exclusive (FOR UPDATE SKIP LOCKED) and lasts {@code lease}.
     */
    Flux<ClaimedJob> claim(String worker, int limit, Duration lease);

    /** The job is done (the receipt is PROCESSED or FAILED). */
    Mono<Void> finish(UUID receiptId, String worker, boolean failed, String reason);

    /** Back to the queue, due at {@code dueAt}; {@code countAttempt} false gives the attempt back. */
    Mono<Void> retry(UUID receiptId, String worker, Instant dueAt, String reason, boolean countAttempt);

    /** Jobs waiting (queued, due or not, claimed or not). */
    Mono<Long> depth();
}

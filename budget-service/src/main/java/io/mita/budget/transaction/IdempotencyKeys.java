package io.mita.budget.transaction;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The {@code Idempotency-Key}s callers sent with a create, each bound to the request's content and the
 * transaction it made. A seam so the create use case can be tested with an in-memory store; the real one
 * is {@link IdempotencyKeyRepository}.
 */
interface IdempotencyKeys {

    record Claim(String requestHash, UUID transactionId) {}

    /**
     * True when this call claimed the key for {@code transactionId}; false when someone already had it. Runs
     * inside the creating transaction: a concurrent claim of the same key waits until that one ends.
     */
    Mono<Boolean> claim(UUID userId, String key, String requestHash, UUID transactionId, Instant now);

    /** The claim of a key, empty when there is none. */
    Mono<Claim> find(UUID userId, String key);
}

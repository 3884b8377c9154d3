package io.mita.ocr.receipt;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The stored receipts; the real store is {@link ReceiptRepository}, tests use an in-memory one. */
interface Receipts {

    /**
     * Stores a new receipt with its image and queues its OCR job; empty when this user already has a
     * receipt of the same image (same SHA-256).
     */
    Mono<Receipt> insertIfNew(Receipt receipt, byte[] image);

    Mono<Receipt> findBySha256(UUID userId, String sha256);

    /** A receipt of this user; another user's receipt is indistinguishable from a missing one. */
    Mono<Receipt> findOwned(UUID id, UUID userId);

    /** The user's receipts newest first, after the cursor (null: from the newest). */
    Flux<Receipt> page(UUID userId, ReceiptCursor after, int limit);

    /** Records the confirmation if the receipt is still unconfirmed; false when it was confirmed meanwhile. */
    Mono<Boolean> confirm(UUID id, UUID userId, ReceiptConfirmed confirmation);

    /** Deletes the receipt, its image and its job; false when there was none of this user's. */
    Mono<Boolean> delete(UUID id, UUID userId);
}

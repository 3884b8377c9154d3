package io.mita.ocr.receipt;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** The stored receipts; the real store is {@link ReceiptRepository}. */
interface Receipts {

    /** A receipt of this user; another user's receipt is indistinguishable from a missing one. */
    Mono<ReceiptResponse> findOwned(UUID id, UUID userId);
}

package io.mita.ocr.receipt;

import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Looks up a user's receipts; someone else's receipt is indistinguishable from a missing one. */
@Service
class ReceiptService {

    private final Receipts receipts;

    ReceiptService(Receipts receipts) {
        this.receipts = receipts;
    }

    Mono<ReceiptResponse> get(UUID id, UUID userId) {
        return receipts.findOwned(id, userId).switchIfEmpty(Mono.error(() -> new ReceiptNotFoundException(id)));
    }
}

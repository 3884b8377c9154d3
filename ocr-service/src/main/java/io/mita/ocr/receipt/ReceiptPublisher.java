package io.mita.ocr.receipt;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes the upload and confirmation events into the outbox, inside the transaction of the change they
 * announce; the relay publishes them to {@code mita.ocr.v1} with the user id as subject and Kafka key.
 * (processed and failed come from the worker's {@code ProcessingPublisher}.)
 */
@Component
class ReceiptPublisher {

    static final String UPLOADED = "mita.ocr.receipt.uploaded.v1";
    static final String CONFIRMED = "mita.ocr.receipt.confirmed.v1";

    private final OutboxWriter outbox;

    ReceiptPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> uploaded(Receipt receipt) {
        return outbox.append(new OutgoingEvent(UPLOADED, receipt.userId().toString(), ReceiptUploaded.of(receipt)))
                .then();
    }

    Mono<Void> confirmed(ReceiptConfirmed confirmation) {
        return outbox.append(new OutgoingEvent(CONFIRMED, confirmation.userId().toString(), confirmation))
                .then();
    }
}

package io.mita.ocr.processing;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes the worker's events into the outbox, inside the transaction that records the result. */
@Component
class ProcessingPublisher {

    static final String PROCESSED = "mita.ocr.receipt.processed.v1";
    static final String FAILED = "mita.ocr.receipt.failed.v1";
    /** The worker acts on its own, not on a request: the events name the service as their actor. */
    static final String ACTOR = "ocr-service";

    private final OutboxWriter outbox;

    ProcessingPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> processed(ReceiptProcessed event) {
        return outbox.append(new OutgoingEvent(PROCESSED, event.userId().toString(), event), ACTOR)
                .then();
    }

    Mono<Void> failed(ReceiptFailed event) {
        return outbox.append(new OutgoingEvent(FAILED, event.userId().toString(), event), ACTOR)
                .then();
    }
}

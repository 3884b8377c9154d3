package io.mita.insights.insight;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes {@code mita.insights.insight.generated.v1} into the outbox, inside the transaction that stores the
 * insight; the relay publishes it to {@code mita.insights.v1} with the user id as subject and key.
 */
@Component
class InsightPublisher {

    static final String GENERATED = "mita.insights.insight.generated.v1";

    private final OutboxWriter outbox;

    InsightPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> generated(InsightGenerated insight) {
        return outbox.append(new OutgoingEvent(GENERATED, insight.userId().toString(), insight), null)
                .then();
    }
}

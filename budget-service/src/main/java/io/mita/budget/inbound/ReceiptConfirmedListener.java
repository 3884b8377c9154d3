package io.mita.budget.inbound;

import io.cloudevents.CloudEvent;
import io.mita.common.correlation.CorrelationId;
import io.mita.common.events.EventExtensions;
import io.mita.common.events.EventPayloads;
import io.mita.common.events.NonRetryableEventException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.util.context.Context;

/**
 * Turns ocr-service's {@code mita.ocr.receipt.confirmed.v1} (topic {@code mita.budget.receipts.topic},
 * {@code mita.ocr.v1}) into the receipt's expense; every other type on the topic is passed over. Failures are
 * left to common-lib's error handler: a record that can never make a transaction (not a CloudEvent, an id that
 * is no UUID, a missing member, a subject that is not the receipt's user, an amount or date a transaction
 * refuses) goes to {@code mita.ocr.v1.dlt} at once; the database unavailable is retried until it is back;
 * anything else is retried for the retry window, then dead-lettered. A redelivery makes no second transaction
 * (the receipt inbox). The transaction's event carries the receipt event's correlation id and the user as actor.
 */
@Component
class ReceiptConfirmedListener {

    /** Below the listener container's shutdown timeout (10 s): a stop never waits for a hung database. */
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private static final Logger log = LoggerFactory.getLogger(ReceiptConfirmedListener.class);

    private final EventPayloads payloads;
    private final ReceiptTransactions transactions;

    ReceiptConfirmedListener(EventPayloads payloads, ReceiptTransactions transactions) {
        this.payloads = payloads;
        this.transactions = transactions;
    }

    @KafkaListener(
            id = "budget-receipts",
            topics = "${mita.budget.receipts.topic}",
            groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null || !ReceiptConfirmed.TYPE.equals(event.getType())) {
            log.debug(
                    "event passed over topic={} partition={} offset={}",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return;
        }
        UUID eventId = eventId(event);
        ReceiptConfirmed receipt = payloads.read(event, ReceiptConfirmed.class);
        String missing = receipt.missingMember();
        if (missing != null) {
            throw new NonRetryableEventException(
                    "event " + eventId + " of type " + ReceiptConfirmed.TYPE + " lacks " + missing);
        }
        if (event.getSubject() != null
                && !event.getSubject().equals(receipt.userId().toString())) {
            throw new NonRetryableEventException("event " + eventId + " is about subject " + event.getSubject()
                    + ", its receipt about user " + receipt.userId());
        }
        Boolean recorded = transactions
                .recordOnce(eventId, receipt)
                .contextWrite(context(event, receipt))
                // the consumer's observation, so the transaction's event continues the receipt event's trace
                .contextCapture()
                .block(TIMEOUT);
        log.info(
                "receipt confirmed eventId={} receiptId={} userId={} transactionCreated={}",
                eventId,
                receipt.receiptId(),
                receipt.userId(),
                recorded);
    }

    /** The receipt event's correlation id, and its user as the actor of the transaction's event. */
    private static Context context(CloudEvent event, ReceiptConfirmed receipt) {
        var actor = UsernamePasswordAuthenticationToken.authenticated(
                receipt.userId().toString(), null, List.of());
        Context context = ReactiveSecurityContextHolder.withAuthentication(actor);
        String correlationId = EventExtensions.correlationId(event);
        return correlationId == null
                ? context
                : context.put(CorrelationId.CONTEXT_KEY, CorrelationId.acceptOrCreate(correlationId));
    }

    private static UUID eventId(CloudEvent event) {
        try {
            return UUID.fromString(event.getId());
        } catch (IllegalArgumentException notAUuid) {
            throw new NonRetryableEventException("event id is not a UUID: " + event.getId());
        }
    }
}

package io.mita.insights.inbound;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mita.insights.projection.ProjectionChange;
import io.mita.insights.projection.Projections;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code mita.budget.v1} (topic {@code mita.insights.budget-topic}) into the projections. Transaction
 * created/updated/deleted and plan updated change them; every other type is passed over and counted in
 * {@code mita.insights.events.ignored{type}}. Failures are left to common-lib's error handler: an event that can
 * never be applied ({@link BudgetEvents}) goes to {@code mita.budget.v1.dlt} at once with the reason, the
 * database unavailable is retried until it is back. A redelivered event changes nothing (processed-event inbox).
 */
@Component
class BudgetEventListener {

    /** Below the listener container's shutdown timeout (10 s). */
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private static final Pattern WIRE_TYPE = Pattern.compile("mita\\.[a-z0-9-]+\\.[a-z0-9-]+\\.[a-z0-9-]+\\.v[0-9]+");
    private static final Logger log = LoggerFactory.getLogger(BudgetEventListener.class);

    private final BudgetEvents events;
    private final Projections projections;
    private final MeterRegistry meters;

    BudgetEventListener(BudgetEvents events, Projections projections, MeterRegistry meters) {
        this.events = events;
        this.projections = projections;
        this.meters = meters;
    }

    @KafkaListener(
            id = BudgetEvents.LISTENER_ID,
            topics = "${mita.insights.budget-topic}",
            groupId = "${mita.insights.consumer-group}",
            // unique per instance, so the rebuild can tell another instance's members of the group
            // (LiveConsumerClientId)
            clientIdPrefix = "#{@liveConsumerClientId.prefix()}")
    void on(ConsumerRecord<String, CloudEvent> record) {
        Optional<ProjectionChange> change = events.read(record.value());
        if (change.isEmpty()) {
            ignored(record);
            return;
        }
        UUID eventId = UUID.fromString(record.value().getId());
        Boolean applied = projections
                .apply(eventId, change.get())
                // the consumer's observation, for the chain's log lines (LogContext)
                .contextCapture()
                .block(TIMEOUT);
        log.debug(
                "budget event eventId={} type={} applied={}",
                eventId,
                record.value().getType(),
                applied);
    }

    private void ignored(ConsumerRecord<String, CloudEvent> record) {
        String type = record.value() == null ? "none" : record.value().getType();
        Counter.builder("mita.insights.events.ignored")
                .description("events on the consumed topics whose type the projections do not use")
                .tag("type", type != null && WIRE_TYPE.matcher(type).matches() && type.length() <= 100 ? type : "other")
                .register(meters)
                .increment();
        log.debug(
                "event passed over topic={} partition={} offset={} type={}",
                record.topic(),
                record.partition(),
                record.offset(),
                type);
    }
}

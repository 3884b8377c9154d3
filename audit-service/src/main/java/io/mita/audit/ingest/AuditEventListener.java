package io.mita.audit.ingest;

import io.cloudevents.CloudEvent;
import io.mita.common.kafka.ConsumerFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Appends every event of every {@code mita.<service>.v1} topic to the audit log (never the {@code .dlt} twins:
 * the pattern must match the whole topic name). A batch is stored with one statement. A record that can never be
 * stored stops the batch at its index: the records before it are stored, it goes to {@code <topic>.dlt} at once,
 * and the records after it are delivered again. When the audit database is unavailable the batch is retried from
 * its first unstored record until the database is back, never dead-lettered. When the database refuses the
 * batch's statement for another reason, the records are stored one by one: a row whose data it refuses goes to
 * the dead-letter topic; any other error (a schema bug) retries the batch until it passes, draining nothing.
 */
@Component
class AuditEventListener {

    static final String TOPIC_PATTERN = "mita\\..+\\.v1";

    private static final Logger log = LoggerFactory.getLogger(AuditEventListener.class);
    /** Below the listener container's shutdown timeout (10 s): a stop never waits for a hung database. */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(8);

    private final AuditEventReader reader;
    private final AuditEventWriter writer;
    private final IngestStepTimers timers;

    AuditEventListener(AuditEventReader reader, AuditEventWriter writer, IngestStepTimers timers) {
        this.reader = reader;
        this.writer = writer;
        this.timers = timers;
    }

    @KafkaListener(
            id = "audit-ingest",
            topicPattern = TOPIC_PATTERN,
            groupId = "${mita.audit.consumer-group}",
            batch = "true",
            // pattern subscriptions see new topics only when metadata refreshes (default 5 minutes); a larger poll
            // than Kafka's 500 records means fewer chain transactions (docs/audit.md, "Writing")
            properties = {
                "metadata.max.age.ms=${mita.audit.topic-discovery-interval-ms}",
                "max.poll.records=${mita.audit.max-poll-records}"
            })
    void on(List<ConsumerRecord<String, CloudEvent>> records) {
        long started = System.nanoTime();
        List<IncomingAuditEvent> readable = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, CloudEvent> record = records.get(index);
            try {
                readable.add(reader.read(record));
            } catch (InvalidAuditEventException invalid) {
                timers.record("read", System.nanoTime() - started);
                store(readable);
                log.warn(
                        "audit event rejected topic={} partition={} offset={} reason={}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        invalid.getMessage());
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, index);
            }
        }
        timers.record("read", System.nanoTime() - started); // step read: this thread parsing and masking the batch
        store(readable);
    }

    /** Stores {@code events}, the first {@code events.size()} records of the batch, or fails at the first unstored one. */
    private void store(List<IncomingAuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            Long stored = writer.append(events).block(STORE_TIMEOUT);
            log.debug("audit events appended received={} new={}", events.size(), stored);
        } catch (RuntimeException failure) {
            if (ConsumerFailures.isInfrastructure(failure)) {
                throw new BatchListenerFailedException("audit store unavailable", failure, 0);
            }
            storeOneByOne(events, failure);
        }
    }

    private void storeOneByOne(List<IncomingAuditEvent> events, RuntimeException batchFailure) {
        log.info("audit batch refused ({}), storing its {} events one by one", batchFailure.toString(), events.size());
        for (int index = 0; index < events.size(); index++) {
            IncomingAuditEvent event = events.get(index);
            try {
                writer.append(List.of(event)).block(STORE_TIMEOUT);
            } catch (RuntimeException failure) {
                if (ConsumerFailures.isInfrastructure(failure)) {
                    throw new BatchListenerFailedException("audit store unavailable", failure, index);
                }
                if (!ConsumerFailures.isDataRefusal(failure)) {
                    // a schema or SQL error refuses every row: retry the batch until a fix, never drain the topic.
                    // Without its cause, which the error handler would otherwise classify (an IllegalArgumentException
                    // would dead-letter the whole batch)
                    log.error("audit store refuses the batch, retrying it", failure);
                    throw new IllegalStateException("audit store refuses the batch: " + failure);
                }
                log.warn(
                        "audit event refused by the audit store topic={} partition={} offset={} reason={}",
                        event.topic(),
                        event.partition(),
                        event.offset(),
                        failure.toString());
                var refused = new InvalidAuditEventException(
                        "CloudEvent " + event.eventId() + " refused by the audit store: " + failure.getMessage(),
                        failure);
                throw new BatchListenerFailedException(refused.getMessage(), refused, index);
            }
        }
    }
}

package io.mita.audit.ingest;

import io.cloudevents.CloudEvent;
import io.mita.common.kafka.ConsumerFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Sinks;

/**
 * Appends every event of every {@code mita.<service>.v1} topic to the audit log (never the {@code .dlt} twins:
 * the pattern must match the whole topic name). A batch is stored with one statement. A record that can never be
 * stored stops the batch at its index: the records before it are stored, it goes to {@code <topic>.dlt} at once,
 * and the records after it are delivered again. When the audit database is unavailable the batch is retried from
 * its first unstored record until the database is back, never dead-lettered. When the database refuses the
 * batch's statement for another reason, the records are stored one by one: a row whose data it refuses goes to
 * the dead-letter topic; any other error (a schema bug) retries the batch until it passes, draining nothing.
 *
 * <p>While this thread reads and masks a batch, its chain transaction has already begun on the driver's threads
 * (lock, head, stored ids, subjects' keys from the CloudEvents' attributes: {@link BatchOutline}) and waits for the
 * masked events to insert them. The method returns, and the container commits the batch's offsets, only after that
 * transaction committed; a failure anywhere leaves the offsets where they were ({@code mita.audit.mask-while-locking},
 * docs/audit.md "Writing").
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
    private final boolean maskWhileLocking;

    AuditEventListener(
            AuditEventReader reader,
            AuditEventWriter writer,
            IngestStepTimers timers,
            @Value("${mita.audit.mask-while-locking}") boolean maskWhileLocking) {
        this.reader = reader;
        this.writer = writer;
        this.timers = timers;
        this.maskWhileLocking = maskWhileLocking;
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
        ReadBatch read;
        if (maskWhileLocking) {
            // the transaction takes the lock, the head, the stored ids and the keys while this thread reads and masks;
            // this method still returns only after it committed, so the offsets are committed after the rows
            Sinks.One<List<IncomingAuditEvent>> masked = Sinks.one();
            CompletableFuture<Long> writing =
                    writer.append(BatchOutline.of(records), masked.asMono()).toFuture();
            try {
                read = read(records);
            } catch (RuntimeException bug) {
                masked.tryEmitError(bug);
                awaitQuietly(writing);
                throw bug;
            }
            masked.tryEmitValue(read.events());
            if (read.events().isEmpty()) {
                awaitQuietly(writing); // nothing of this batch to store: only the empty transaction to end
            } else {
                store(read.events(), () -> await(writing));
            }
        } else {
            read = read(records);
            List<IncomingAuditEvent> events = read.events();
            if (!events.isEmpty()) {
                store(events, () -> writer.append(events).block(STORE_TIMEOUT));
            }
        }
        if (read.rejection() != null) {
            ConsumerRecord<String, CloudEvent> record = records.get(read.rejectedIndex());
            log.warn(
                    "audit event rejected topic={} partition={} offset={} reason={}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    read.rejection().getMessage());
            throw new BatchListenerFailedException(
                    read.rejection().getMessage(), read.rejection(), read.rejectedIndex());
        }
    }

    /** The readable events before the first record the reader rejects (if any), and that record's index. */
    private record ReadBatch(
            List<IncomingAuditEvent> events, int rejectedIndex, InvalidAuditEventException rejection) {}

    private ReadBatch read(List<ConsumerRecord<String, CloudEvent>> records) {
        long started = System.nanoTime();
        try {
            List<IncomingAuditEvent> readable = new ArrayList<>(records.size());
            for (int index = 0; index < records.size(); index++) {
                try {
                    readable.add(reader.read(records.get(index)));
                } catch (InvalidAuditEventException invalid) {
                    return new ReadBatch(readable, index, invalid);
                }
            }
            return new ReadBatch(readable, -1, null);
        } finally {
            timers.record("read", System.nanoTime() - started);
        }
    }

    /** The transaction's outcome, as {@code block(STORE_TIMEOUT)} would give it: a timeout cancels (rolls back). */
    private static Long await(CompletableFuture<Long> writing) {
        try {
            return writing.get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException timeout) {
            writing.cancel(true);
            throw new IllegalStateException("audit store timed out after " + STORE_TIMEOUT, timeout);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            writing.cancel(true);
            throw new IllegalStateException("interrupted while storing audit events", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(failed.getCause());
        }
    }

    /** Waits for a transaction that has nothing to store (it rolled back or committed nothing), whatever its end. */
    private static void awaitQuietly(CompletableFuture<Long> writing) {
        try {
            await(writing);
        } catch (RuntimeException ignored) {
            // nothing of the batch was to be stored; the failure, if any, is the next batch's to meet
        }
    }

    /** Stores {@code events}, the first {@code events.size()} records of the batch, or fails at the first unstored one. */
    private void store(List<IncomingAuditEvent> events, Supplier<Long> append) {
        try {
            Long stored = append.get();
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

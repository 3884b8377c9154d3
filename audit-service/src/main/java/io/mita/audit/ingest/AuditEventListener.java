package io.mita.audit.ingest;

import io.cloudevents.CloudEvent;
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
 * the pattern must match the whole topic name). A batch is stored with one statement; a record that can never be
 * stored stops the batch at its index: the records before it are stored, it goes to {@code <topic>.dlt}, and the
 * records after it are delivered again.
 */
@Component
class AuditEventListener {

    static final String TOPIC_PATTERN = "mita\\..+\\.v1";

    private static final Logger log = LoggerFactory.getLogger(AuditEventListener.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);

    private final AuditEventReader reader;
    private final AuditEventWriter writer;

    AuditEventListener(AuditEventReader reader, AuditEventWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    @KafkaListener(
            id = "audit-ingest",
            topicPattern = TOPIC_PATTERN,
            groupId = "audit-service",
            batch = "true",
            // pattern subscriptions see new topics only when metadata refreshes (default 5 minutes)
            properties = "metadata.max.age.ms=${mita.audit.topic-discovery-interval-ms}")
    void on(List<ConsumerRecord<String, CloudEvent>> records) {
        List<IncomingAuditEvent> readable = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, CloudEvent> record = records.get(index);
            try {
                readable.add(reader.read(record));
            } catch (InvalidAuditEventException invalid) {
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
        store(readable);
    }

    private void store(List<IncomingAuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Long stored = writer.append(events).block(STORE_TIMEOUT);
        log.debug("audit events appended received={} new={}", events.size(), stored);
    }
}

package io.mita.common.kafka;

import io.cloudevents.CloudEvent;
import io.mita.common.inbox.ProcessedEvents;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A record listener that writes to its own database, as every MITA consumer does; only in {@link ConsumerRetryIT}. */
@Component
@ConditionalOnProperty("mita.test.inbox-listener")
class InboxRecordingListener {

    static final String TOPIC = "mita.commontest-retry.v1";

    private final ProcessedEvents processedEvents;

    InboxRecordingListener(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @KafkaListener(topics = TOPIC, groupId = "${mita.test.inbox-listener}")
    void on(ConsumerRecord<String, CloudEvent> record) {
        processedEvents
                .markProcessed(UUID.fromString(record.value().getId()), "retry-it")
                .block(Duration.ofSeconds(8));
    }
}

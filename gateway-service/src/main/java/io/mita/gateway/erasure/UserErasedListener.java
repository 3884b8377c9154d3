package io.mita.gateway.erasure;

import io.cloudevents.CloudEvent;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers each erased user of auth-service's {@code mita.auth.user.erased.v1} events in {@link ErasedAccounts}, fed
 * by {@link ErasureTopicReader} with the records of the last {@code window}. Other event types are passed over; a
 * malformed event is logged and skipped, never retried (it refuses nobody).
 */
class UserErasedListener {

    private static final Logger log = LoggerFactory.getLogger(UserErasedListener.class);

    private final ErasedAccounts erased;
    private final JsonMapper json;
    private final Clock clock;

    UserErasedListener(ErasedAccounts erased, JsonMapper json, Clock clock) {
        this.erased = erased;
        this.json = json;
        this.clock = clock;
    }

    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null || !UserErased.TYPE.equals(event.getType())) {
            return;
        }
        try {
            UserErased payload = json.readValue(event.getData().toBytes(), UserErased.class);
            if (payload.userId() == null || payload.erasedAt() == null) {
                throw new IllegalArgumentException("userId and erasedAt are required");
            }
            erased.remember(payload.userId().toString(), payload.erasedAt(), clock.instant());
            log.info("erased account {} refused at the edge from now on", payload.userId());
        } catch (RuntimeException e) {
            log.warn("user.erased event {} skipped, unreadable: {}", event.getId(), e.toString());
        }
    }
}

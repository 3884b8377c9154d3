package io.mita.gateway.erasure;

import io.cloudevents.CloudEvent;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads auth-service's topic for {@code mita.auth.user.erased.v1} and remembers each erased user in
 * {@link ErasedAccounts}. Every gateway instance must see every erasure, so each reads in a consumer group of its
 * own ({@code <spring.application.name>-erased-<random>}), and on every partition assignment it starts at the
 * records of the last {@code window} (by timestamp): a gateway that (re)starts knows the erasures whose tokens may
 * still be valid, nothing older. Other event types are passed over; a malformed event is logged and skipped, never
 * retried (it refuses nobody).
 */
class UserErasedListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(UserErasedListener.class);

    static final String ID = "gateway-user-erased";

    private final ErasedAccounts erased;
    private final JsonMapper json;
    private final Clock clock;

    UserErasedListener(ErasedAccounts erased, JsonMapper json, Clock clock) {
        this.erased = erased;
        this.json = json;
        this.clock = clock;
    }

    @KafkaListener(
            id = ID,
            topics = "${mita.gateway.erased-accounts.topic}",
            groupId = "${spring.application.name}-erased-#{T(java.util.UUID).randomUUID()}")
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

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(
                assignments.keySet(), clock.instant().minus(erased.window()).toEpochMilli());
    }
}

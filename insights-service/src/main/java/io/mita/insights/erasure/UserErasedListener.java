package io.mita.insights.erasure;

import io.cloudevents.CloudEvent;
import io.mita.common.erasure.PersonalDataErasure;
import io.mita.common.events.EventPayloads;
import io.mita.insights.inbound.UserErased;
import io.mita.insights.projection.ErasedUsers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Deletes what insights-service holds about a user whose account was erased ({@code mita.auth.user.erased.v1}):
 * insights and their pending regenerations, the projections (live and the rebuild's shadow copies) and the user's
 * outbox events, published or not. It first takes the user's lock exclusively ({@link ErasedUsers}) and records the
 * user in {@code erased_user}, so a budget event applied at the same moment is deleted here or, after this commits,
 * refused, and a projection rebuild leaves the user out. The tombstone holds the random user id and a time only.
 *
 * <p>It reads {@code mita.auth.v1} in a consumer group of its own ({@code <service>-user-erasure}) and passes every
 * other type over. common-lib's {@link PersonalDataErasure} runs the statements in one transaction with the
 * processed-event inbox (a redelivery deletes nothing) and counts {@code mita_users_erased_total}; a malformed event
 * goes to {@code mita.auth.v1.dlt} at once, a database outage is retried until it passes (common-lib's consumer
 * error handling). Table of all services: docs/auth.md, "What each service does with {@code user.erased}".
 */
@Component
class UserErasedListener {

    static final String CONSUMER = "insights-user-erasure";

    static final List<String> STATEMENTS = List.of(
            ErasedUsers.LOCK_EXCLUSIVE,
            "INSERT INTO erased_user (user_id) VALUES (:userId) ON CONFLICT (user_id) DO NOTHING",
            "DELETE FROM insight_refresh WHERE user_id = :userId",
            "DELETE FROM insight WHERE user_id = :userId",
            "DELETE FROM category_month_total WHERE user_id = :userId",
            "DELETE FROM daily_total WHERE user_id = :userId",
            "DELETE FROM merchant_stat WHERE user_id = :userId",
            "DELETE FROM projected_transaction WHERE user_id = :userId",
            "DELETE FROM projected_plan WHERE user_id = :userId",
            "DELETE FROM rebuild_projected_transaction WHERE user_id = :userId",
            "DELETE FROM rebuild_projected_plan WHERE user_id = :userId",
            "DELETE FROM outbox_event WHERE subject = CAST(:userId AS VARCHAR)");

    private static final Duration TIMEOUT = Duration.ofSeconds(8); // below the container's shutdown timeout (10 s)

    private final EventPayloads payloads;
    private final PersonalDataErasure erasure;

    UserErasedListener(EventPayloads payloads, PersonalDataErasure erasure) {
        this.payloads = payloads;
        this.erasure = erasure;
    }

    /** The group: {@code mita.erasure.consumer-group}, by default {@code <spring.application.name>-user-erasure}. */
    @KafkaListener(
            id = CONSUMER,
            topics = "mita.auth.v1",
            groupId = "${mita.erasure.consumer-group:${spring.application.name}-user-erasure}")
    void on(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event != null && UserErased.TYPE.equals(event.getType())) {
            UUID userId = payloads.read(event, UserErased.class).userId();
            erasure.erase(event, userId, CONSUMER, STATEMENTS).contextCapture().block(TIMEOUT);
        }
    }
}

package io.mita.common.erasure;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.cloudevents.CloudEvent;
import io.mita.common.events.EventPayloads;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The service's {@link UserDataErasurePlan} run for one erasure event: the user id read from the payload's
 * {@code userId} (the one member every erasure event carries; the service's own copy of the payload and its golden
 * file test stay where they are), the plan run by {@link PersonalDataErasure} with the lock and the tombstone, and
 * the user remembered by {@link RecentErasures} once it committed, so this instance refuses the user's requests at
 * once. Called by common-lib's {@link UserErasedListener}, or by a service's own listener that must keep the
 * erasure in order with its other events (notification-service).
 */
public class UserDataErasure {

    private final UserDataErasurePlan plan;
    private final PersonalDataErasure erasure;
    private final EventPayloads payloads;
    private final RecentErasures recent;

    public UserDataErasure(
            UserDataErasurePlan plan, PersonalDataErasure erasure, EventPayloads payloads, RecentErasures recent) {
        this.plan = plan;
        this.erasure = erasure;
        this.payloads = payloads;
        this.recent = recent;
    }

    /** Whether the event asks for an erasure ({@link UserDataErasurePlan#eventType()}). */
    public boolean asksForErasure(CloudEvent event) {
        return event != null && plan.eventType().equals(event.getType());
    }

    /** Rows deleted; 0 for a duplicate event. */
    public Mono<Long> erase(CloudEvent event) {
        UUID userId = payloads.read(event, ErasureRequest.class).userId();
        return erasure.erase(event, userId, plan).doOnSuccess(rows -> recent.remember(userId));
    }

    public UserDataErasurePlan plan() {
        return plan;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErasureRequest(UUID userId) {}
}

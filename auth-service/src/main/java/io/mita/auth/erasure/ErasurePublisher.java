package io.mita.auth.erasure;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes {@code mita.auth.user.erased.v1} in the caller's transaction; subject the user, actor who erased it. */
@Component
class ErasurePublisher {

    private final OutboxWriter outbox;

    ErasurePublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> erased(UUID userId, Instant at, String erasedBy, UUID actor) {
        return outbox.append(
                        new OutgoingEvent(UserErased.TYPE, userId.toString(), new UserErased(userId, at, erasedBy)),
                        actor.toString())
                .then();
    }
}

package io.mita.auth.token;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes the signing-key event into the outbox, inside the rotation's transaction. */
@Component
class SigningKeyPublisher {

    private final OutboxWriter outbox;

    SigningKeyPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /**
     * The subject is the new kid (the event is about a key, not a user).
     *
     * @param actorId the administrator who asked, or null for a rotation at startup
     */
    Mono<Void> rotated(SigningKeyRotated rotated, String actorId) {
        return outbox.append(new OutgoingEvent(SigningKeyRotated.TYPE, rotated.kid(), rotated), actorId)
                .then();
    }
}

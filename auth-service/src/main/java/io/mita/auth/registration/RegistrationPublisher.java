package io.mita.auth.registration;

import io.mita.auth.account.UserAccount;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes the registration event into the outbox, inside the caller's transaction. */
@Component
class RegistrationPublisher {

    private final OutboxWriter outbox;

    RegistrationPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** The new user is subject and actor; the payload carries no e-mail address, password or hash. */
    Mono<Void> registered(UserAccount account) {
        String userId = account.id().toString();
        return outbox.append(
                        new OutgoingEvent(
                                UserRegistered.TYPE,
                                userId,
                                new UserRegistered(account.id(), account.displayName(), account.createdAt())),
                        userId)
                .then();
    }
}

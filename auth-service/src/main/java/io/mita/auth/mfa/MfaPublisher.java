package io.mita.auth.mfa;

import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Writes the two-factor events into the outbox in the caller's transaction; the user is subject and actor. */
@Component
class MfaPublisher {

    private final OutboxWriter outbox;

    MfaPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> enabled(UUID userId, Instant at) {
        return append(MfaEnabled.TYPE, userId, new MfaEnabled(userId, at));
    }

    Mono<Void> disabled(UUID userId, Instant at) {
        return append(MfaDisabled.TYPE, userId, new MfaDisabled(userId, at));
    }

    Mono<Void> recoveryCodesRegenerated(UUID userId, Instant at) {
        return append(RecoveryCodesRegenerated.TYPE, userId, new RecoveryCodesRegenerated(userId, at));
    }

    private Mono<Void> append(String type, UUID userId, Object payload) {
        String user = userId.toString();
        return outbox.append(new OutgoingEvent(type, user, payload), user).then();
    }
}

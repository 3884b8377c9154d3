package io.mita.auth.session;

import io.mita.auth.account.UserAccount;
import io.mita.common.events.OutgoingEvent;
import io.mita.common.outbox.OutboxWriter;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes the session events into the outbox, inside the caller's transaction; the user is subject and
 * actor of each (the one who logged in, failed to, or logged out).
 */
@Component
class SessionPublisher {

    private final OutboxWriter outbox;

    SessionPublisher(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    Mono<Void> loginSucceeded(UserAccount account, UUID sessionId) {
        return append(LoginSucceeded.TYPE, account.id(), new LoginSucceeded(account.id(), sessionId));
    }

    /** @param reason {@value LoginFailed#WRONG_PASSWORD} or {@value LoginFailed#ACCOUNT_LOCKED} */
    Mono<Void> loginFailed(UserAccount account, String reason) {
        return append(LoginFailed.TYPE, account.id(), new LoginFailed(account.id(), reason));
    }

    Mono<Void> loggedOut(UUID userId, UUID sessionId) {
        return append(UserLoggedOut.TYPE, userId, new UserLoggedOut(userId, sessionId));
    }

    private Mono<Void> append(String type, UUID userId, Object payload) {
        String user = userId.toString();
        return outbox.append(new OutgoingEvent(type, user, payload), user).then();
    }
}

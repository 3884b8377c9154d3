package io.mita.auth.session;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The caller has no open session with this id (ended, expired, never existed, or somebody else's). */
class SessionNotFoundException extends ProblemException {

    SessionNotFoundException(UUID sessionId) {
        super(
                HttpStatus.NOT_FOUND,
                "AUTH_SESSION_NOT_FOUND",
                "Session not found",
                "You have no open session " + sessionId + ".");
    }
}

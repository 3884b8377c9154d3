package io.mita.auth.session;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A refresh token that was already spent came back: its whole session has been revoked. */
class RefreshTokenReusedException extends ProblemException {

    RefreshTokenReusedException() {
        super(
                HttpStatus.UNAUTHORIZED,
                "AUTH_REFRESH_TOKEN_REUSED",
                "Refresh token reused",
                "This refresh token was already used; the session has been revoked. Log in again.");
    }
}

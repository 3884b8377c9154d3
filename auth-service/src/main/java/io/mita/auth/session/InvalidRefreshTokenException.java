package io.mita.auth.session;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Unknown, expired or revoked refresh token. */
class InvalidRefreshTokenException extends ProblemException {

    InvalidRefreshTokenException() {
        super(
                HttpStatus.UNAUTHORIZED,
                "AUTH_INVALID_REFRESH_TOKEN",
                "Invalid refresh token",
                "The refresh token is unknown, expired or revoked; log in again.");
    }
}

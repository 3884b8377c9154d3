package io.mita.auth.password;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A password change whose current password is wrong. 400, not 401: the access token is fine, and a client
 * must not take this for an expired session. Counts as a failed login for the lockout.
 */
class CurrentPasswordInvalidException extends ProblemException {

    CurrentPasswordInvalidException() {
        super(
                HttpStatus.BAD_REQUEST,
                "AUTH_CURRENT_PASSWORD_INVALID",
                "Current password invalid",
                "The current password is not correct.");
    }
}

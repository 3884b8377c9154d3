package io.mita.auth.erasure;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Deleting one's own account without the password: re-authentication is required. */
class PasswordRequiredException extends ProblemException {

    PasswordRequiredException() {
        super(
                HttpStatus.BAD_REQUEST,
                "AUTH_REAUTHENTICATION_REQUIRED",
                "Password required",
                "Send your password (body {\"password\"} or header X-Current-Password) to delete your account.");
    }
}

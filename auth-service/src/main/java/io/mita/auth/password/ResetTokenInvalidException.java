package io.mita.auth.password;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** One answer for an unknown, used and expired reset token alike. */
class ResetTokenInvalidException extends ProblemException {

    ResetTokenInvalidException() {
        super(
                HttpStatus.BAD_REQUEST,
                "AUTH_RESET_TOKEN_INVALID",
                "Invalid reset token",
                "The password-reset token is unknown, already used or expired; request a new one.");
    }
}

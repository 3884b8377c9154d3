package io.mita.auth.session;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The one answer for a wrong password and an unknown e-mail alike: it must not tell them apart. */
class InvalidCredentialsException extends ProblemException {

    InvalidCredentialsException() {
        super(
                HttpStatus.UNAUTHORIZED,
                "AUTH_INVALID_CREDENTIALS",
                "Invalid credentials",
                "The e-mail address or the password is not correct.");
    }
}

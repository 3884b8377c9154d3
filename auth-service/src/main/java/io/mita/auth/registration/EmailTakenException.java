package io.mita.auth.registration;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

class EmailTakenException extends ProblemException {

    EmailTakenException() {
        super(
                HttpStatus.CONFLICT,
                "AUTH_EMAIL_TAKEN",
                "E-mail already registered",
                "An account with this e-mail address exists already.");
    }
}

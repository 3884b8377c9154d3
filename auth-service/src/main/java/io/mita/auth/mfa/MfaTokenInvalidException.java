package io.mita.auth.mfa;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An MFA token that is unknown, spent, expired, or took too many wrong codes: log in again. */
class MfaTokenInvalidException extends ProblemException {

    MfaTokenInvalidException() {
        super(
                HttpStatus.UNAUTHORIZED,
                "AUTH_MFA_TOKEN_INVALID",
                "MFA token invalid",
                "The second step's token is unknown, used, expired or took too many wrong codes; log in again.");
    }
}

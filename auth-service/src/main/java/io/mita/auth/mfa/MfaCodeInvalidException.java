package io.mita.auth.mfa;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A TOTP or recovery code that is wrong, already used, or out of time. At the login's second step it is a 401
 * (no session yet) and counts as a failed login; when confirming an enrolment a 400 (the session is fine).
 */
class MfaCodeInvalidException extends ProblemException {

    private MfaCodeInvalidException(HttpStatus status) {
        super(status, "AUTH_MFA_CODE_INVALID", "Code invalid", "The code is wrong, already used or expired.");
    }

    static MfaCodeInvalidException atLogin() {
        return new MfaCodeInvalidException(HttpStatus.UNAUTHORIZED);
    }

    static MfaCodeInvalidException forSignedInUser() {
        return new MfaCodeInvalidException(HttpStatus.BAD_REQUEST);
    }
}

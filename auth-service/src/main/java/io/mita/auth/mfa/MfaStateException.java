package io.mita.auth.mfa;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A two-factor request that does not fit the account's state: 409 with one code per case. */
class MfaStateException extends ProblemException {

    private MfaStateException(String code, String title, String detail) {
        super(HttpStatus.CONFLICT, code, title, detail);
    }

    static MfaStateException alreadyEnabled() {
        return new MfaStateException(
                "AUTH_MFA_ALREADY_ENABLED",
                "Two-factor sign-in already on",
                "Turn two-factor sign-in off first to enrol another authenticator.");
    }

    static MfaStateException notEnrolling() {
        return new MfaStateException(
                "AUTH_MFA_NOT_ENROLLING",
                "No enrolment waiting",
                "Start an enrolment with POST /api/auth/mfa/totp before confirming it.");
    }

    static MfaStateException notEnabled() {
        return new MfaStateException(
                "AUTH_MFA_NOT_ENABLED", "Two-factor sign-in is off", "Two-factor sign-in is not on for this account.");
    }
}

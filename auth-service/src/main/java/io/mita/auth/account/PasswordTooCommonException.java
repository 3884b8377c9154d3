package io.mita.auth.account;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A new password that is on the shipped list of the 10,000 most common passwords (case ignored). */
public class PasswordTooCommonException extends ProblemException {

    public PasswordTooCommonException() {
        super(
                HttpStatus.BAD_REQUEST,
                "AUTH_PASSWORD_TOO_COMMON",
                "Password too common",
                "This password is one of the 10,000 most common passwords; choose another one.");
    }
}

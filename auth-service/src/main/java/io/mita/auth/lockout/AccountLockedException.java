package io.mita.auth.lockout;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * 401 {@code AUTH_ACCOUNT_LOCKED}: too many failed logins; answered for every password, the right one
 * included, until the lock ends. (401 rather than 423: the contract's statuses are 400/401/403/404/409/
 * 413/415/422/429, and the request did not authenticate.)
 */
public class AccountLockedException extends ProblemException {

    public AccountLockedException() {
        super(
                HttpStatus.UNAUTHORIZED,
                "AUTH_ACCOUNT_LOCKED",
                "Account locked",
                "Too many failed logins: the account is locked for a while. Try again later or reset the password.");
    }
}

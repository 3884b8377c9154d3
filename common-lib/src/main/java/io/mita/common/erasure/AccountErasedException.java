package io.mita.common.erasure;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A request with a still-valid access token of a user whose account was erased: 401 {@value #CODE}. */
public class AccountErasedException extends ProblemException {

    public static final String CODE = "AUTH_ACCOUNT_ERASED";

    public AccountErasedException() {
        super(
                HttpStatus.UNAUTHORIZED,
                CODE,
                "Account erased",
                "The account of this access token was deleted; sign in with an existing account.");
    }
}

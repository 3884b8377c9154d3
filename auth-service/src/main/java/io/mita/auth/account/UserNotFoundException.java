package io.mita.auth.account;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

public class UserNotFoundException extends ProblemException {

    public UserNotFoundException(UUID userId) {
        super(HttpStatus.NOT_FOUND, "AUTH_USER_NOT_FOUND", "User not found", "No user with id " + userId + ".");
    }
}

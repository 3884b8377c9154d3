package io.mita.auth.admin;

import io.mita.common.problem.ProblemException;
import java.util.Collection;
import org.springframework.http.HttpStatus;

class UnknownRoleException extends ProblemException {

    UnknownRoleException(Collection<String> unknown) {
        super(
                HttpStatus.BAD_REQUEST,
                "AUTH_UNKNOWN_ROLE",
                "Unknown role",
                "Unknown role(s) " + unknown + "; the roles are USER, COMPLIANCE and ADMIN.");
    }
}

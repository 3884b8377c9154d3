package io.mita.common.paging;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A cursor the listing did not make, or one that was altered: 400 with the listing's stable code. */
public class InvalidCursorException extends ProblemException {

    public InvalidCursorException(String code) {
        super(
                HttpStatus.BAD_REQUEST,
                code,
                "Invalid cursor",
                "The cursor is not one this API returned; start again without a cursor.");
    }
}

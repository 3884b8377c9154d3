package io.mita.budget.category;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A transaction or plan names a category the user does not have, or has archived: 422 {@code UNKNOWN_CATEGORY}. */
public class UnknownCategoryException extends ProblemException {

    public UnknownCategoryException(String category) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "UNKNOWN_CATEGORY",
                "Unknown category",
                "\"" + category + "\" is none of your active categories (GET /api/budget/categories lists them).");
    }
}

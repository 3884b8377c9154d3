package io.mita.budget.category;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The user already has a category of this name (case-insensitively), archived ones included: 409. */
class CategoryNameTakenException extends ProblemException {

    CategoryNameTakenException(String name) {
        super(
                HttpStatus.CONFLICT,
                "CATEGORY_NAME_TAKEN",
                "Category name taken",
                "You already have a category named \"" + name + "\" (names are unique regardless of case).");
    }
}

package io.mita.budget.category;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The default categories are never deleted (they can be archived): 409 {@code CATEGORY_IS_DEFAULT}. */
class DefaultCategoryNotDeletableException extends ProblemException {

    DefaultCategoryNotDeletableException(String key) {
        super(
                HttpStatus.CONFLICT,
                "CATEGORY_IS_DEFAULT",
                "Default category",
                "Category \"" + key + "\" is one of the default set and cannot be deleted; archive it instead.");
    }
}

package io.mita.budget.category;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A category that transactions or plans name cannot be deleted, only archived: 409 {@code CATEGORY_IN_USE}. */
class CategoryInUseException extends ProblemException {

    CategoryInUseException(String key) {
        super(
                HttpStatus.CONFLICT,
                "CATEGORY_IN_USE",
                "Category in use",
                "Category \"" + key + "\" is named by transactions or plans; archive it instead.");
    }
}

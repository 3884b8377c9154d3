package io.mita.budget.category;

import io.mita.common.problem.ProblemException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No category with this id belongs to the caller (it may not exist, or be someone else's). */
class CategoryNotFoundException extends ProblemException {

    CategoryNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "CATEGORY_NOT_FOUND", "Category not found", "No category " + id + " exists.");
    }
}

package io.mita.budget.category;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/budget/categories}; {@code kind} defaults to DISCRETIONARY. */
@JsonIgnoreProperties(ignoreUnknown = true)
record CreateCategoryRequest(
        @NotBlank @Size(max = 64) String name,

        @Pattern(regexp = "ESSENTIAL|DISCRETIONARY", message = "must be ESSENTIAL or DISCRETIONARY")
        String kind) {

    CategoryKind kindOrNull() {
        return kind == null ? null : CategoryKind.valueOf(kind);
    }
}

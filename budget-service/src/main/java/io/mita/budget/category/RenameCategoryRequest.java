package io.mita.budget.category;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /api/budget/categories/{id}}: the new name (the key stays). */
@JsonIgnoreProperties(ignoreUnknown = true)
record RenameCategoryRequest(@NotBlank @Size(max = 64) String name) {}

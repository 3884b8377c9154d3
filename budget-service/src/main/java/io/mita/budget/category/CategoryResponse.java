package io.mita.budget.category;

import java.time.Instant;
import java.util.UUID;

/** A category as the API shows it; {@code key} is what transactions and plans name. */
record CategoryResponse(
        UUID id, String key, String name, String kind, boolean isDefault, boolean archived, Instant archivedAt) {

    static CategoryResponse of(Category category) {
        return new CategoryResponse(
                category.id(),
                category.key(),
                category.name(),
                category.kind().name(),
                category.isDefault(),
                category.archived(),
                category.archivedAt());
    }
}

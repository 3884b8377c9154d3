package io.mita.budget.category;

import java.time.Instant;
import java.util.UUID;

/**
 * The payload of {@code mita.budget.category.archived.v1}: new transactions and plans can no longer name the
 * category; what already names it stays. Golden file: docs/events/mita.budget.category.archived.v1.json.
 */
public record CategoryArchived(
        UUID categoryId, UUID userId, String key, String name, String kind, boolean isDefault, Instant archivedAt) {

    static CategoryArchived of(Category category) {
        return new CategoryArchived(
                category.id(),
                category.userId(),
                category.key(),
                category.name(),
                category.kind().name(),
                category.isDefault(),
                category.archivedAt());
    }
}

package io.mita.budget.category;

import java.util.UUID;

/**
 * The payload of {@code mita.budget.category.created.v1}: a user created a category of their own (the seeded
 * default set announces nothing). Golden file: docs/events/mita.budget.category.created.v1.json.
 */
public record CategoryCreated(UUID categoryId, UUID userId, String key, String name, String kind) {

    static CategoryCreated of(Category category) {
        return new CategoryCreated(
                category.id(),
                category.userId(),
                category.key(),
                category.name(),
                category.kind().name());
    }
}

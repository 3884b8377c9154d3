package io.mita.budget.category;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What the rest of budget-service asks about a user's categories: whether a category a client named is one of
 * the user's active categories. Implemented by {@link CategoryService}.
 */
@FunctionalInterface
public interface KnownCategories {

    /**
     * The key of the user's active (not archived) category the given text names (trimmed, case-insensitive);
     * an {@link UnknownCategoryException} (422 {@code UNKNOWN_CATEGORY}) when there is none.
     */
    Mono<String> activeKey(UUID userId, String category);
}

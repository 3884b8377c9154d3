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

    /**
     * The user's active category a text names as a sub-select, once the user's categories are seeded: its
     * {@code key}, the row locked {@code FOR SHARE} until the transaction ends (a concurrent archive waits, as for
     * {@link #activeKey}); no row when it is archived, unknown or not seeded yet. Parameters {@code :userId} and
     * {@code :categoryKey} (the text's {@link #keyOf}). For a caller that folds the check into a statement of its own
     * (a new transaction's insert) and asks {@link #activeKey} when it finds no row: that answer seeds or refuses.
     */
    String ACTIVE_KEY_SELECT =
            "SELECT key FROM category WHERE user_id = :userId AND key = :categoryKey AND archived_at IS NULL FOR SHARE";

    /** The key a category's text names: trimmed, lower case. */
    static String keyOf(String category) {
        return Category.keyOf(category);
    }
}

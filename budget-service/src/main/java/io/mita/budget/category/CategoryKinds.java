package io.mita.budget.category;

import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The kind of each of a user's categories by key, archived ones included. Implemented by {@link CategoryService}. */
@FunctionalInterface
public interface CategoryKinds {

    /**
     * The statement behind {@link #kinds} once the user's categories are seeded (columns {@code key}, {@code kind};
     * parameter {@code :userId}), for a caller that folds it into a statement of its own (redistribution reads its
     * whole month in one round trip) and asks {@link #kinds} when it answers no row.
     */
    String KINDS_STATEMENT = "SELECT key, kind FROM category WHERE user_id = :userId";

    Mono<Map<String, CategoryKind>> kinds(UUID userId);
}

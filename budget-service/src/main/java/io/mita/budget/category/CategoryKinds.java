package io.mita.budget.category;

import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The kind of each of a user's categories by key, archived ones included. Implemented by {@link CategoryService}. */
@FunctionalInterface
public interface CategoryKinds {

    Mono<Map<String, CategoryKind>> kinds(UUID userId);
}

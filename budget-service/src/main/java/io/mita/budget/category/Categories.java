package io.mita.budget.category;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The store of categories, a seam so the use cases run on an in-memory fake in unit tests; the real one is
 * {@link CategoryRepository}.
 */
interface Categories {

    /** Inserts the default set for the user unless it is there (idempotent, safe under concurrency). */
    Mono<Void> seedDefaults(UUID userId, Instant now);

    /** Every category of the user, archived ones included, defaults first, then by name. */
    Flux<Category> all(UUID userId);

    Mono<Category> find(UUID userId, UUID id);

    /**
     * The category with its row locked for update until the surrounding transaction ends: archive and delete
     * wait for every request that is still using the category (see {@link #findByKey}).
     */
    Mono<Category> lock(UUID userId, UUID id);

    /**
     * The category with this key, its row share-locked until the surrounding transaction ends: a transaction or
     * plan that names the category holds it until it commits, so a concurrent delete sees it as used.
     */
    Mono<Category> findByKey(UUID userId, String key);

    /** Inserts; false (and nothing written) when the user already has a category with this key or name. */
    Mono<Boolean> insert(Category category);

    /** Saves a rename or archive; false when the new name is taken by another category of the user. */
    Mono<Boolean> update(Category category);

    Mono<Void> delete(Category category);

    /** Whether a live transaction, a plan's allocation or a daily allocation of the user names the key. */
    Mono<Boolean> inUse(UUID userId, String key);
}

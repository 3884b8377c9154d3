package io.mita.budget.category;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The category use cases. A user's default set is seeded the first time any of them needs the user's
 * categories, so every category (default or own) is a row that can be renamed and archived. Every change is
 * one database transaction with its outbox event.
 */
@Service
public class CategoryService implements KnownCategories, CategoryKinds {

    private final Categories categories;
    private final CategoryPublisher publisher;
    private final TransactionalOperator inTransaction;
    private final Clock clock;

    CategoryService(
            Categories categories, CategoryPublisher publisher, TransactionalOperator inTransaction, Clock clock) {
        this.categories = categories;
        this.publisher = publisher;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    /** Defaults and own categories, archived ones flagged. */
    Mono<List<Category>> list(UUID userId) {
        return categories
                .all(userId)
                .collectList()
                .flatMap(found -> found.stream().anyMatch(Category::isDefault)
                        ? Mono.just(found)
                        : categories
                                .seedDefaults(userId, now())
                                .then(categories.all(userId).collectList()));
    }

    Mono<Category> create(UUID userId, String name, CategoryKind kind) {
        Category category = Category.own(userId, name, kind == null ? CategoryKind.DISCRETIONARY : kind, now());
        Mono<Category> work = categories
                .seedDefaults(userId, category.createdAt())
                .then(categories.insert(category))
                .flatMap(inserted -> inserted
                        ? publisher.created(category).thenReturn(category)
                        : Mono.error(new CategoryNameTakenException(category.name())));
        return inTransaction.transactional(work);
    }

    /**
     * Renames; the key stays, so transactions and plans keep naming the category. A name another category has
     * (or whose key another category has) is refused with 409.
     */
    Mono<Category> rename(UUID userId, UUID id, String name) {
        String stripped = name.strip();
        Mono<Category> work = owned(userId, id).flatMap(current -> {
            if (current.name().equals(stripped)) {
                return Mono.just(current);
            }
            return categories
                    .findByKey(userId, Category.keyOf(stripped))
                    .filter(other -> !other.id().equals(id))
                    .flatMap(other -> Mono.<Category>error(new CategoryNameTakenException(stripped)))
                    .switchIfEmpty(Mono.defer(() -> {
                        Category renamed = current.renamed(stripped, now());
                        return categories
                                .update(renamed)
                                .flatMap(saved -> saved
                                        ? Mono.just(renamed)
                                        : Mono.error(new CategoryNameTakenException(stripped)));
                    }));
        });
        return inTransaction.transactional(work);
    }

    /** Archives (idempotent: archiving an archived category changes and publishes nothing). */
    Mono<Category> archive(UUID userId, UUID id) {
        Mono<Category> work = locked(userId, id).flatMap(current -> {
            if (current.archived()) {
                return Mono.just(current);
            }
            Category archived = current.archive(now());
            return categories
                    .update(archived)
                    .then(publisher.archived(archived))
                    .thenReturn(archived);
        });
        return inTransaction.transactional(work);
    }

    /**
     * Deletes an own category nothing names; defaults and used ones answer 409. The row is locked first, so a
     * request naming the category that has not committed yet is waited for and then counts as a use.
     */
    Mono<Void> delete(UUID userId, UUID id) {
        Mono<Void> work = locked(userId, id).flatMap(current -> {
            if (current.isDefault()) {
                return Mono.error(new DefaultCategoryNotDeletableException(current.key()));
            }
            return categories
                    .inUse(userId, current.key())
                    .flatMap(used ->
                            used ? Mono.error(new CategoryInUseException(current.key())) : categories.delete(current));
        });
        return inTransaction.transactional(work);
    }

    @Override
    public Mono<String> activeKey(UUID userId, String category) {
        String key = Category.keyOf(category);
        return categories
                .findByKey(userId, key)
                .switchIfEmpty(Mono.defer(
                        () -> categories.seedDefaults(userId, now()).then(categories.findByKey(userId, key))))
                .filter(found -> !found.archived())
                .map(Category::key)
                .switchIfEmpty(Mono.error(() -> new UnknownCategoryException(category.strip())));
    }

    /** Every category of the user by key with its kind, archived ones included (a plan may still name them). */
    @Override
    public Mono<Map<String, CategoryKind>> kinds(UUID userId) {
        return list(userId)
                .map(all -> all.stream().collect(Collectors.toMap(Category::key, Category::kind, (a, b) -> a)));
    }

    private Mono<Category> owned(UUID userId, UUID id) {
        return categories.find(userId, id).switchIfEmpty(Mono.error(() -> new CategoryNotFoundException(id)));
    }

    private Mono<Category> locked(UUID userId, UUID id) {
        return categories.lock(userId, id).switchIfEmpty(Mono.error(() -> new CategoryNotFoundException(id)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

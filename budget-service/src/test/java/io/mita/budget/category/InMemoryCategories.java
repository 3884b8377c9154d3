package io.mita.budget.category;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Categories} in a map, with the table's uniqueness of key and case-insensitive name per user. */
final class InMemoryCategories implements Categories {

    private final Map<UUID, Category> rows = new ConcurrentHashMap<>();
    /** Keys named by transactions or plans, per user (what {@link #inUse} answers from). */
    private final Map<UUID, Set<String>> used = new ConcurrentHashMap<>();

    void markUsed(UUID userId, String key) {
        used.computeIfAbsent(userId, user -> new HashSet<>()).add(key);
    }

    int size() {
        return rows.size();
    }

    @Override
    public Mono<Void> seedDefaults(UUID userId, Instant now) {
        return Flux.fromIterable(DefaultCategories.ALL)
                .concatMap(template -> insert(Category.seeded(userId, template, now)))
                .then();
    }

    @Override
    public Flux<Category> all(UUID userId) {
        return Flux.defer(() -> Flux.fromStream(rows.values().stream()
                .filter(row -> row.userId().equals(userId))
                .sorted(Comparator.comparing(Category::isDefault)
                        .reversed()
                        .thenComparing(row -> row.name().toLowerCase(Locale.ROOT)))));
    }

    @Override
    public Mono<Category> find(UUID userId, UUID id) {
        return Mono.fromSupplier(() -> rows.get(id)).filter(row -> row.userId().equals(userId));
    }

    /** No concurrency to guard against in memory: the same as {@link #find}. */
    @Override
    public Mono<Category> lock(UUID userId, UUID id) {
        return find(userId, id);
    }

    @Override
    public Mono<Category> findByKey(UUID userId, String key) {
        return Mono.fromSupplier(() -> rows.values().stream()
                .filter(row -> row.userId().equals(userId) && row.key().equals(key))
                .findFirst()
                .orElse(null));
    }

    @Override
    public Mono<Boolean> insert(Category category) {
        return Mono.fromSupplier(() -> store(category));
    }

    @Override
    public Mono<Boolean> update(Category category) {
        return Mono.fromSupplier(() -> store(category));
    }

    private synchronized boolean store(Category category) {
        if (clashes(category)) {
            return false;
        }
        rows.put(category.id(), category);
        return true;
    }

    private boolean clashes(Category category) {
        return rows.values().stream()
                .filter(row ->
                        row.userId().equals(category.userId()) && !row.id().equals(category.id()))
                .anyMatch(row -> row.key().equals(category.key()) || row.name().equalsIgnoreCase(category.name()));
    }

    @Override
    public Mono<Void> delete(Category category) {
        return Mono.fromRunnable(() -> rows.remove(category.id()));
    }

    @Override
    public Mono<Boolean> inUse(UUID userId, String key) {
        return Mono.fromSupplier(() -> used.getOrDefault(userId, Set.of()).contains(key));
    }
}

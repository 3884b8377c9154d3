package io.mita.budget.category;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Categories} in table {@code category}. Uniqueness of key and name (case-insensitive) per user is the
 * database's: inserts use ON CONFLICT DO NOTHING, so two concurrent creates of one name make one row.
 */
@Component
class CategoryRepository implements Categories {

    private static final String COLUMNS =
            "id, user_id, key, name, kind, is_default, archived_at, created_at, updated_at";

    private final DatabaseClient database;

    CategoryRepository(DatabaseClient database) {
        this.database = database;
    }

    /** One multi-row INSERT (a statement per row would be a round trip each). */
    @Override
    public Mono<Void> seedDefaults(UUID userId, Instant now) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO category (id, user_id, key, name, kind, is_default, created_at, updated_at) VALUES ");
        for (int i = 0; i < DefaultCategories.ALL.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(:id")
                    .append(i)
                    .append(", :userId, :key")
                    .append(i)
                    .append(", :name")
                    .append(i)
                    .append(", :kind")
                    .append(i)
                    .append(", TRUE, :now, :now)");
        }
        sql.append(" ON CONFLICT DO NOTHING");
        Map<String, Object> values = new HashMap<>(2 + 4 * DefaultCategories.ALL.size());
        values.put("userId", userId);
        values.put("now", now);
        for (int i = 0; i < DefaultCategories.ALL.size(); i++) {
            Category seeded = Category.seeded(userId, DefaultCategories.ALL.get(i), now);
            values.put("id" + i, seeded.id());
            values.put("key" + i, seeded.key());
            values.put("name" + i, seeded.name());
            values.put("kind" + i, seeded.kind().name());
        }
        return database.sql(sql.toString())
                .bindValues(values)
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Flux<Category> all(UUID userId) {
        return database.sql("SELECT " + COLUMNS
                        + " FROM category WHERE user_id = :userId ORDER BY is_default DESC, lower(name), id")
                .bind("userId", userId)
                .map(CategoryRepository::category)
                .all();
    }

    @Override
    public Mono<Category> find(UUID userId, UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM category WHERE user_id = :userId AND id = :id")
                .bind("userId", userId)
                .bind("id", id)
                .map(CategoryRepository::category)
                .one();
    }

    @Override
    public Mono<Category> lock(UUID userId, UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM category WHERE user_id = :userId AND id = :id FOR UPDATE")
                .bind("userId", userId)
                .bind("id", id)
                .map(CategoryRepository::category)
                .one();
    }

    @Override
    public Mono<Category> findByKey(UUID userId, String key) {
        return database.sql("SELECT " + COLUMNS + " FROM category WHERE user_id = :userId AND key = :key FOR SHARE")
                .bind("userId", userId)
                .bind("key", key)
                .map(CategoryRepository::category)
                .one();
    }

    @Override
    public Mono<Boolean> insert(Category category) {
        return database.sql("""
                        INSERT INTO category (id, user_id, key, name, kind, is_default, archived_at, created_at, updated_at)
                        VALUES (:id, :userId, :key, :name, :kind, :isDefault, NULL, :createdAt, :updatedAt)
                        ON CONFLICT DO NOTHING""")
                .bind("id", category.id())
                .bind("userId", category.userId())
                .bind("key", category.key())
                .bind("name", category.name())
                .bind("kind", category.kind().name())
                .bind("isDefault", category.isDefault())
                .bind("createdAt", category.createdAt())
                .bind("updatedAt", category.updatedAt())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> update(Category category) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("""
                        UPDATE category SET name = :name, archived_at = :archivedAt, updated_at = :updatedAt
                        WHERE user_id = :userId AND id = :id""")
                .bind("name", category.name())
                .bind("updatedAt", category.updatedAt())
                .bind("userId", category.userId())
                .bind("id", category.id());
        spec = category.archivedAt() == null
                ? spec.bindNull("archivedAt", Instant.class)
                : spec.bind("archivedAt", category.archivedAt());
        return spec.fetch()
                .rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorResume(DataIntegrityViolationException.class, taken -> Mono.just(false));
    }

    @Override
    public Mono<Void> delete(Category category) {
        return database.sql("DELETE FROM category WHERE user_id = :userId AND id = :id")
                .bind("userId", category.userId())
                .bind("id", category.id())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Boolean> inUse(UUID userId, String key) {
        return database.sql("""
                        SELECT EXISTS (SELECT 1 FROM transaction
                                       WHERE user_id = :userId AND category = :key AND deleted_at IS NULL)
                            OR EXISTS (SELECT 1 FROM budget_plan
                                       WHERE user_id = :userId
                                         AND allocations @> jsonb_build_array(jsonb_build_object('category', CAST(:key AS text))))
                            OR EXISTS (SELECT 1 FROM month_allocation WHERE user_id = :userId AND category = :key)
                            AS used""")
                .bind("userId", userId)
                .bind("key", key)
                .map(row -> row.get("used", Boolean.class))
                .one();
    }

    private static Category category(Readable row) {
        return new Category(
                row.get("id", UUID.class),
                row.get("user_id", UUID.class),
                row.get("key", String.class),
                row.get("name", String.class),
                CategoryKind.valueOf(row.get("kind", String.class)),
                Boolean.TRUE.equals(row.get("is_default", Boolean.class)),
                row.get("archived_at", Instant.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}

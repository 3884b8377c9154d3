package io.mita.budget.category;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One category of one user: a row of table {@code category}. {@link #key()} is what transactions and plans
 * name and never changes; {@link #name()} is what the app shows and can be renamed.
 */
record Category(
        UUID id,
        UUID userId,
        String key,
        String name,
        CategoryKind kind,
        boolean isDefault,
        Instant archivedAt,
        Instant createdAt,
        Instant updatedAt) {

    static Category own(UUID userId, String name, CategoryKind kind, Instant now) {
        String stripped = name.strip();
        return new Category(UUID.randomUUID(), userId, keyOf(stripped), stripped, kind, false, null, now, now);
    }

    static Category seeded(UUID userId, DefaultCategories.Default template, Instant now) {
        return new Category(
                UUID.randomUUID(), userId, template.key(), template.name(), template.kind(), true, null, now, now);
    }

    /** The key a name (or a transaction's category) stands for: trimmed and lower-cased. */
    static String keyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    boolean archived() {
        return archivedAt != null;
    }

    Category renamed(String newName, Instant now) {
        return new Category(id, userId, key, newName.strip(), kind, isDefault, archivedAt, createdAt, now);
    }

    Category archive(Instant now) {
        return new Category(id, userId, key, name, kind, isDefault, now, createdAt, now);
    }
}

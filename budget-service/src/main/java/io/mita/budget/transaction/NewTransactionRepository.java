package io.mita.budget.transaction;

import io.mita.budget.category.KnownCategories;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link NewTransactions} in table {@code transaction}: the row is selected from the category check, so the check
 * and the insert are one round trip (docs/decisions.md, "A create's category check inside its insert").
 */
@Component
class NewTransactionRepository implements NewTransactions {

    static final String INSERT = """
            INSERT INTO transaction (id, user_id, type, amount, currency, category, occurred_on, merchant, note,
                created_at, updated_at, version)
            SELECT :id, :userId, :type, :amount, :currency, c.key, :occurredOn, :merchant, :note, :createdAt,
                :updatedAt, 0
            FROM (""" + KnownCategories.ACTIVE_KEY_SELECT + ") AS c";

    private final DatabaseClient database;

    NewTransactionRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Transaction> insertIfCategoryActive(Transaction recorded) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(INSERT)
                .bind("id", recorded.id())
                .bind("userId", recorded.userId())
                .bind("type", recorded.type().name())
                .bind("amount", recorded.amount())
                .bind("currency", recorded.currency())
                .bind("categoryKey", KnownCategories.keyOf(recorded.category()))
                .bind("occurredOn", recorded.occurredOn())
                .bind("createdAt", recorded.createdAt())
                .bind("updatedAt", recorded.updatedAt());
        insert = bindNullable(insert, "merchant", recorded.merchant());
        insert = bindNullable(insert, "note", recorded.note());
        return insert.fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .map(rows -> recorded.inserted(KnownCategories.keyOf(recorded.category())));
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(
            DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}

package io.mita.budget.transaction;

import org.springframework.data.r2dbc.convert.R2dbcConverter;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keyset pagination over index {@code transaction_user_listing}: (occurred_on, id) descending, the next
 * page starting strictly after the cursor's row, so rows are neither repeated nor skipped while pages
 * are read. Reads one row more than asked to know whether another page exists.
 */
@Component
class TransactionListing {

    private final DatabaseClient database;
    private final R2dbcConverter converter;

    TransactionListing(DatabaseClient database, R2dbcConverter converter) {
        this.database = database;
        this.converter = converter;
    }

    Mono<TransactionPage> page(TransactionQuery query) {
        StringBuilder sql =
                new StringBuilder("SELECT * FROM transaction WHERE user_id = :userId AND deleted_at IS NULL");
        if (query.from() != null) {
            sql.append(" AND occurred_on >= :from");
        }
        if (query.to() != null) {
            sql.append(" AND occurred_on <= :to");
        }
        if (query.category() != null) {
            sql.append(" AND category = :category");
        }
        if (query.after() != null) {
            sql.append(" AND (occurred_on, id) < (:afterOccurredOn, :afterId)");
        }
        sql.append(" ORDER BY occurred_on DESC, id DESC LIMIT :limit");

        DatabaseClient.GenericExecuteSpec statement =
                database.sql(sql.toString()).bind("userId", query.userId()).bind("limit", query.limit() + 1);
        if (query.from() != null) {
            statement = statement.bind("from", query.from());
        }
        if (query.to() != null) {
            statement = statement.bind("to", query.to());
        }
        if (query.category() != null) {
            statement = statement.bind("category", query.category());
        }
        if (query.after() != null) {
            statement = statement
                    .bind("afterOccurredOn", query.after().occurredOn())
                    .bind("afterId", query.after().id());
        }
        return statement
                .map((row, metadata) -> converter.read(Transaction.class, row, metadata))
                .all()
                .collectList()
                .map(rows -> TransactionPage.of(rows, query.limit()));
    }
}

package io.mita.budget.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The two analytics aggregates, one statement each, over the user's live expenses between two dates: a range
 * scan of the listing index {@code transaction_user_listing (user_id, occurred_on DESC, id DESC)} (V1), grouped
 * in the database. Rows come ordered by bucket, category, currency.
 */
@Component
class SpendingRepository {

    static final String BY_MONTH = """
            SELECT date_trunc('month', occurred_on::timestamp)::date AS bucket, category, currency,
                   sum(amount) AS spent, count(*) AS expenses
            FROM transaction
            WHERE user_id = :userId AND deleted_at IS NULL AND type = 'EXPENSE'
              AND occurred_on BETWEEN :from AND :to
            GROUP BY 1, 2, 3
            ORDER BY 1, 2, 3""";

    static final String BY_DAY = """
            SELECT occurred_on AS bucket, category, currency, sum(amount) AS spent, count(*) AS expenses
            FROM transaction
            WHERE user_id = :userId AND deleted_at IS NULL AND type = 'EXPENSE'
              AND occurred_on BETWEEN :from AND :to
            GROUP BY 1, 2, 3
            ORDER BY 1, 2, 3""";

    private final DatabaseClient database;

    SpendingRepository(DatabaseClient database) {
        this.database = database;
    }

    Flux<SpendingRow> byMonth(UUID userId, LocalDate from, LocalDate to) {
        return query(BY_MONTH, userId, from, to);
    }

    Flux<SpendingRow> byDay(UUID userId, LocalDate from, LocalDate to) {
        return query(BY_DAY, userId, from, to);
    }

    private Flux<SpendingRow> query(String sql, UUID userId, LocalDate from, LocalDate to) {
        return database.sql(sql)
                .bind("userId", userId)
                .bind("from", from)
                .bind("to", to)
                .map(row -> new SpendingRow(
                        row.get("bucket", LocalDate.class),
                        row.get("category", String.class),
                        row.get("currency", String.class),
                        row.get("spent", BigDecimal.class),
                        row.get("expenses", Long.class)))
                .all();
    }
}

package io.mita.budget.habit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * A checked habit's input, read from the transactions when its progress is asked for (never stored, so it is
 * always consistent with every create, edit and delete): one query per habit, grouped by day, on the
 * covering index {@code transaction_user_category_day} (V4__habits.sql).
 */
@Component
class HabitSpending {

    static final String DAILY = """
            SELECT occurred_on,
                   count(*) AS expenses,
                   coalesce(sum(amount) FILTER (WHERE currency = :currency), 0) AS spent
            FROM transaction
            WHERE user_id = :userId AND category = :category AND deleted_at IS NULL
              AND occurred_on BETWEEN :from AND :to AND type = 'EXPENSE'
            GROUP BY occurred_on""";

    private final DatabaseClient database;

    HabitSpending(DatabaseClient database) {
        this.database = database;
    }

    /** The user's live expenses of the category per day; {@code spent} only of {@code currency} (null: none). */
    Flux<DailySpending> daily(UUID userId, String category, String currency, LocalDate from, LocalDate to) {
        DatabaseClient.GenericExecuteSpec query = database.sql(DAILY)
                .bind("userId", userId)
                .bind("category", category)
                .bind("from", from)
                .bind("to", to);
        query = currency == null ? query.bindNull("currency", String.class) : query.bind("currency", currency);
        return query.map(row -> new DailySpending(
                        row.get("occurred_on", LocalDate.class),
                        row.get("expenses", Long.class),
                        row.get("spent", BigDecimal.class)))
                .all();
    }

    /** A day's live expenses of one category in one currency: how many and how much. */
    record CategoryDay(String category, LocalDate day, String currency, long expenses, BigDecimal spent) {}
}

package io.mita.notification.inbound;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Table {@code habit_completion}: the days each habit was completed, as far as this service has seen them, so
 * the habit notification can tell the streak (budget-service's event carries the day, not the streak).
 */
@Repository
class HabitStreaks {

    private final DatabaseClient database;

    HabitStreaks(DatabaseClient database) {
        this.database = database;
    }

    /** Records the day (once) and answers how many consecutive days up to and including it the habit was kept. */
    Mono<Integer> record(UUID habitId, UUID userId, LocalDate day) {
        return database.sql("""
                        INSERT INTO habit_completion (habit_id, user_id, day) VALUES (:habitId, :userId, :day)
                        ON CONFLICT (habit_id, day) DO NOTHING""")
                .bind("habitId", habitId)
                .bind("userId", userId)
                .bind("day", day)
                .then()
                .then(database.sql("""
                                SELECT count(*) AS streak FROM (
                                    SELECT day + (row_number() OVER (ORDER BY day DESC))::int AS anchor
                                    FROM habit_completion WHERE habit_id = :habitId AND day <= :day) days
                                WHERE anchor = CAST(:day AS date) + 1""")
                        .bind("habitId", habitId)
                        .bind("day", day)
                        .map(row -> row.get("streak", Long.class))
                        .one()
                        .map(Long::intValue));
    }
}

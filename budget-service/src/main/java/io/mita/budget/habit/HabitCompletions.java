package io.mita.budget.habit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The days a habit was marked kept (table {@code habit_completion}). */
@Component
class HabitCompletions {

    private final DatabaseClient database;

    HabitCompletions(DatabaseClient database) {
        this.database = database;
    }

    /** Marks the day; true the first time, false when it was marked already (a concurrent mark waits for the first). */
    Mono<Boolean> mark(UUID habitId, LocalDate day, Instant now) {
        return database.sql("""
                        INSERT INTO habit_completion (habit_id, day, completed_at) VALUES (:habitId, :day, :now)
                        ON CONFLICT (habit_id, day) DO NOTHING""")
                .bind("habitId", habitId)
                .bind("day", day)
                .bind("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** When the day was first marked. */
    Mono<Instant> completedAt(UUID habitId, LocalDate day) {
        return database.sql("SELECT completed_at FROM habit_completion WHERE habit_id = :habitId AND day = :day")
                .bind("habitId", habitId)
                .bind("day", day)
                .map(row -> row.get("completed_at", OffsetDateTime.class).toInstant())
                .one();
    }

    Flux<LocalDate> days(UUID habitId) {
        return database.sql("SELECT day FROM habit_completion WHERE habit_id = :habitId")
                .bind("habitId", habitId)
                .map(row -> row.get("day", LocalDate.class))
                .all();
    }
}

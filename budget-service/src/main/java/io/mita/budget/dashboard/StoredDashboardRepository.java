package io.mita.budget.dashboard;

import io.mita.budget.erasure.AwaitedErasures;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Table {@code stored_dashboard} (V8, V9_1): each user's last computed dashboard (its four parts' JSON texts and
 * their rendered response body, {@link DashboardBody#renderedParts}), one row per user. A stored dashboard
 * is found only for the day it was computed for and while the user's data version is still the one it was computed
 * from (one statement: two primary-key reads), so a write committed after it (which bumps the version) is never
 * hidden by it, whenever it was stored.
 */
@Repository
class StoredDashboardRepository {

    /** The rendered parts only: a hit writes them as they are (a row stored before V9_1 has none: not a hit). */
    static final String FIND = "SELECT body FROM stored_dashboard"
            + " WHERE user_id = :userId AND today = :today AND version = " + DashboardTexts.VERSION
            + " AND body IS NOT NULL";

    /**
     * Replaces the stored dashboard unless it is of a newer version, or of the same version and day (then it is the
     * same dashboard, unless the stored one has no rendered parts yet, V9_1): of two racing misses the one computed
     * from the newer data stays. Nothing is stored for an
     * erased user, and an erasure running now is waited for ({@link AwaitedErasures#CONDITION}: the erasure's lock,
     * shared, held until this statement's own transaction commits, then the tombstone read after the wait), so the
     * erasure's deletion of the stored dashboard is not undone. One statement, one round trip.
     */
    static final String STORE = "INSERT INTO stored_dashboard AS s"
            + " (user_id, version, today, month, latest_transactions, next_goals, habits, body)"
            + " SELECT :userId, :version, :today, :month, :latestTransactions, :nextGoals, :habits, :body"
            + " WHERE NOT " + AwaitedErasures.CONDITION
            + " ON CONFLICT (user_id) DO UPDATE SET version = excluded.version, today = excluded.today,"
            + " month = excluded.month, latest_transactions = excluded.latest_transactions,"
            + " next_goals = excluded.next_goals, habits = excluded.habits, body = excluded.body, stored_at = now()"
            + " WHERE s.version < excluded.version"
            + " OR (s.version = excluded.version AND (s.today <> excluded.today OR s.body IS NULL))";

    private final DatabaseClient database;

    StoredDashboardRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * The rendered parts of the user's dashboard stored for {@code today} from the user's current data; empty when
     * there is none.
     */
    Mono<String> find(UUID userId, LocalDate today) {
        return database.sql(FIND)
                .bind("userId", userId)
                .bind("today", today)
                .map(row -> row.get("body", String.class))
                .one();
    }

    /**
     * Stores a dashboard computed for {@code today} and its rendered parts ({@link #STORE}), unless the user's
     * account was erased. The erasure's lock is held until the statement's transaction ends: its own, as the caller
     * runs none.
     */
    Mono<Void> store(UUID userId, LocalDate today, DashboardTexts texts, String renderedParts) {
        return upsert(userId, today, texts, renderedParts).then();
    }

    private DatabaseClient.GenericExecuteSpec upsert(
            UUID userId, LocalDate today, DashboardTexts texts, String renderedParts) {
        DatabaseClient.GenericExecuteSpec upsert = database.sql(STORE)
                .bind("userId", userId)
                .bind("version", texts.version())
                .bind("today", today)
                .bind("body", renderedParts);
        upsert = bindText(upsert, "month", texts.month());
        upsert = bindText(upsert, "latestTransactions", texts.latestTransactions());
        upsert = bindText(upsert, "nextGoals", texts.nextGoals());
        return bindText(upsert, "habits", texts.habits());
    }

    private static DatabaseClient.GenericExecuteSpec bindText(
            DatabaseClient.GenericExecuteSpec statement, String name, String text) {
        return text == null ? statement.bindNull(name, String.class) : statement.bind(name, text);
    }
}

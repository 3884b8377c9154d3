package io.mita.insights.insight;

import io.mita.insights.analysis.Insight;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class InsightRepository implements Insights {

    private static final String COLUMNS =
            "id, month, kind, severity, title, text, COALESCE(narrative, text) AS narrative, evidence::text AS evidence,"
                    + " created_at, updated_at, dismissed_at";

    private final DatabaseClient database;

    InsightRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<InsightResponse> findByUserAndMonth(UUID userId, YearMonth month) {
        return database.sql("SELECT " + COLUMNS + """
                         FROM insight WHERE user_id = :userId AND month = :month AND dismissed_at IS NULL
                        ORDER BY CASE severity WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, kind, insight_key, id""")
                .bind("userId", userId)
                .bind("month", month.toString())
                .map(InsightRepository::response)
                .all();
    }

    @Override
    public Mono<InsightResponse> findOwned(UUID id, UUID userId) {
        return database.sql("SELECT " + COLUMNS + " FROM insight WHERE id = :id AND user_id = :userId")
                .bind("id", id)
                .bind("userId", userId)
                .map(InsightRepository::response)
                .one();
    }

    @Override
    public Mono<InsightResponse> dismiss(UUID id, UUID userId, OffsetDateTime at) {
        return database.sql(
                        "UPDATE insight SET dismissed_at = COALESCE(dismissed_at, :at) WHERE id = :id AND user_id = :userId"
                                + " RETURNING " + COLUMNS)
                .bind("id", id)
                .bind("userId", userId)
                .bind("at", at)
                .map(InsightRepository::response)
                .one();
    }

    /** Severity and dismissal of the insights stored for a user-month, by id, row-locked. */
    Mono<Map<UUID, Stored>> lockMonth(UUID userId, YearMonth month) {
        return database.sql(
                        "SELECT id, severity, dismissed_at FROM insight WHERE user_id = :userId AND month = :month FOR UPDATE")
                .bind("userId", userId)
                .bind("month", month.toString())
                .map(row -> new Stored(
                        row.get("id", UUID.class),
                        row.get("severity", String.class),
                        row.get("dismissed_at", OffsetDateTime.class) != null))
                .all()
                .collect(Collectors.toMap(Stored::id, stored -> stored));
    }

    record Stored(UUID id, String severity, boolean dismissed) {}

    Mono<Void> upsert(
            UUID id,
            UUID userId,
            YearMonth month,
            Insight insight,
            String evidence,
            String narrative,
            OffsetDateTime now) {
        return database.sql("""
                        INSERT INTO insight (id, user_id, month, kind, insight_key, severity, title, text, narrative,
                            evidence, created_at, updated_at)
                        VALUES (:id, :userId, :month, :kind, :key, :severity, :title, :text, :narrative,
                            CAST(:evidence AS jsonb), :now, :now)
                        ON CONFLICT (id) DO UPDATE SET severity = EXCLUDED.severity, title = EXCLUDED.title,
                            text = EXCLUDED.text, narrative = EXCLUDED.narrative, evidence = EXCLUDED.evidence,
                            updated_at = EXCLUDED.updated_at
                        WHERE insight.user_id = EXCLUDED.user_id""")
                .bind("id", id)
                .bind("userId", userId)
                .bind("month", month.toString())
                .bind("kind", insight.kind().name())
                .bind("key", insight.key())
                .bind("severity", insight.severity().name())
                .bind("title", insight.title())
                .bind("text", insight.text())
                .bind("narrative", narrative)
                .bind("evidence", evidence)
                .bind("now", now)
                .then();
    }

    /** Deletes the user-month's insights that the latest analysis no longer finds. */
    Mono<Long> deleteOthers(UUID userId, YearMonth month, List<UUID> kept) {
        if (kept.isEmpty()) {
            return database.sql("DELETE FROM insight WHERE user_id = :userId AND month = :month")
                    .bind("userId", userId)
                    .bind("month", month.toString())
                    .fetch()
                    .rowsUpdated();
        }
        return database.sql("DELETE FROM insight WHERE user_id = :userId AND month = :month AND NOT (id = ANY(:kept))")
                .bind("userId", userId)
                .bind("month", month.toString())
                .bind("kept", kept.toArray(UUID[]::new))
                .fetch()
                .rowsUpdated();
    }

    private static InsightResponse response(io.r2dbc.spi.Readable row) {
        return new InsightResponse(
                row.get("id", UUID.class),
                row.get("month", String.class),
                row.get("kind", String.class),
                row.get("severity", String.class),
                row.get("title", String.class),
                row.get("text", String.class),
                row.get("narrative", String.class),
                row.get("evidence", String.class),
                row.get("created_at", OffsetDateTime.class),
                row.get("updated_at", OffsetDateTime.class),
                row.get("dismissed_at", OffsetDateTime.class));
    }
}

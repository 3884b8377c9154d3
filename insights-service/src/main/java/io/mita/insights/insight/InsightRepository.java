package io.mita.insights.insight;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

@Repository
class InsightRepository implements Insights {

    private final DatabaseClient database;

    InsightRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<InsightResponse> findByUserAndMonth(UUID userId, YearMonth month) {
        return database.sql("""
                        SELECT id, kind, severity, text, evidence::text AS evidence, created_at FROM insight
                        WHERE user_id = :userId AND month = :month ORDER BY created_at DESC, id""")
                .bind("userId", userId)
                .bind("month", month.toString())
                .map(row -> new InsightResponse(
                        row.get("id", UUID.class),
                        row.get("kind", String.class),
                        row.get("severity", String.class),
                        row.get("text", String.class),
                        row.get("evidence", String.class),
                        row.get("created_at", OffsetDateTime.class)))
                .all();
    }
}

package io.mita.auth;

import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;

/** Reads what the service wrote to its transactional outbox (common-lib's outbox_event table). */
public final class OutboxEvents {

    private OutboxEvents() {}

    public static List<Row> ofTypeAndSubject(DatabaseClient db, String type, String subject) {
        return db.sql("SELECT type, subject, actor_id, correlation_id, data::text AS data FROM outbox_event"
                        + " WHERE type = :type AND subject = :subject ORDER BY seq")
                .bind("type", type)
                .bind("subject", subject)
                .map(row -> new Row(
                        row.get("type", String.class),
                        row.get("subject", String.class),
                        row.get("actor_id", String.class),
                        row.get("correlation_id", String.class),
                        row.get("data", String.class)))
                .all()
                .collectList()
                .block();
    }

    public static long countOfType(DatabaseClient db, String type) {
        return db.sql("SELECT count(*) AS n FROM outbox_event WHERE type = :type")
                .bind("type", type)
                .map(row -> row.get("n", Long.class))
                .one()
                .block();
    }

    public record Row(String type, String subject, String actorId, String correlationId, String data) {}
}

package io.mita.ocr.processing;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** Puts receipts with images and jobs straight into the tables, in the states a crash or a retry leaves. */
final class JobStore {

    private final DatabaseClient database;

    JobStore(DatabaseClient database) {
        this.database = database;
    }

    UUID receipt(UUID user, byte[] image, String jobState) {
        UUID id = UUID.randomUUID();
        database.sql("""
                        INSERT INTO receipt (id, user_id, status, content_type, size_bytes, sha256, width, height)
                        VALUES (:id, :user, 'PENDING', 'image/jpeg', :size, :sha, 900, 700)""")
                .bind("id", id)
                .bind("user", user)
                .bind("size", image.length)
                .bind("sha", String.format("%064x", id.getMostSignificantBits() & Long.MAX_VALUE))
                .then()
                .block();
        database.sql("INSERT INTO receipt_image (receipt_id, content) VALUES (:id, :content)")
                .bind("id", id)
                .bind("content", ByteBuffer.wrap(image))
                .then()
                .block();
        database.sql("INSERT INTO ocr_job (receipt_id, status, attempts, next_attempt_at, lease_owner, lease_until) "
                        + "VALUES (:id, 'QUEUED', " + jobState + ")")
                .bind("id", id)
                .then()
                .block();
        return id;
    }

    String value(String sql) {
        return database.sql(sql).map(row -> String.valueOf(row.get(0))).one().block();
    }
}

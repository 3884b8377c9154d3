package io.mita.ocr.receipt;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class ReceiptRepository implements Receipts {

    private final DatabaseClient database;

    ReceiptRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<ReceiptResponse> findOwned(UUID id, UUID userId) {
        return database.sql("""
                        SELECT id, status, content_type, size_bytes, created_at FROM receipt
                        WHERE id = :id AND user_id = :userId""")
                .bind("id", id)
                .bind("userId", userId)
                .map(row -> new ReceiptResponse(
                        row.get("id", UUID.class),
                        row.get("status", String.class),
                        row.get("content_type", String.class),
                        row.get("size_bytes", Integer.class),
                        row.get("created_at", OffsetDateTime.class)))
                .one();
    }
}

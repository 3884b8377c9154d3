package io.mita.ocr.processing;

import io.mita.ocr.extraction.Extraction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The worker's side of the {@code receipt} table: the image to read, and the result. */
@Repository
class ReceiptResults {

    private final DatabaseClient database;
    private final JsonMapper json;

    ReceiptResults(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** The stored original; empty when the receipt was deleted meanwhile. */
    Mono<byte[]> image(UUID receiptId) {
        return database.sql("SELECT content FROM receipt_image WHERE receipt_id = :id")
                .bind("id", receiptId)
                .map(row -> {
                    java.nio.ByteBuffer buffer = row.get("content", java.nio.ByteBuffer.class);
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    return bytes;
                })
                .one();
    }

    /** Records the extraction; false when the receipt is gone or no longer PENDING. */
    Mono<Boolean> processed(UUID receiptId, Extraction extraction, Instant at) {
        return database.sql("""
                        UPDATE receipt SET status = 'PROCESSED', fields = CAST(:fields AS jsonb),
                               confidence = :confidence, failure_reason = NULL, processed_at = :at, updated_at = :at
                         WHERE id = :id AND status = 'PENDING'""")
                .bind("fields", json.writeValueAsString(extraction))
                .bind("confidence", BigDecimal.valueOf(extraction.confidence()))
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("id", receiptId)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    /** Records the failure; false when the receipt is gone or no longer PENDING. */
    Mono<Boolean> failed(UUID receiptId, String reason, Instant at) {
        return database.sql("""
                        UPDATE receipt SET status = 'FAILED', failure_reason = :reason, processed_at = :at,
                               updated_at = :at
                         WHERE id = :id AND status = 'PENDING'""")
                .bind("reason", Reasons.shorten(reason))
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("id", receiptId)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }
}

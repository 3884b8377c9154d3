package io.mita.ocr.receipt;

import io.mita.ocr.extraction.Extraction;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** {@link Receipts} over {@code receipt}, {@code receipt_image} and {@code ocr_job}. Call inside a transaction. */
@Repository
class ReceiptRepository implements Receipts {

    private static final String COLUMNS = """
            id, user_id, status, content_type, size_bytes, sha256, width, height, fields::text AS fields,
            confidence, failure_reason, created_at, processed_at, confirmation::text AS confirmation, confirmed_at""";

    private final DatabaseClient database;
    private final JsonMapper json;

    ReceiptRepository(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public Mono<Receipt> insertIfNew(Receipt receipt, byte[] image) {
        return database.sql("""
                        INSERT INTO receipt (id, user_id, status, content_type, size_bytes, sha256, width, height,
                                             created_at, updated_at)
                        VALUES (:id, :user, 'PENDING', :type, :size, :sha, :width, :height, :now, :now)
                        ON CONFLICT (user_id, sha256) DO NOTHING""")
                .bind("id", receipt.id())
                .bind("user", receipt.userId())
                .bind("type", receipt.contentType())
                .bind("size", receipt.sizeBytes())
                .bind("sha", receipt.sha256())
                .bind("width", receipt.width())
                .bind("height", receipt.height())
                .bind("now", at(receipt.createdAt()))
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 0
                        ? Mono.empty()
                        : database.sql("INSERT INTO receipt_image (receipt_id, content) VALUES (:id, :content)")
                                .bind("id", receipt.id())
                                .bind("content", java.nio.ByteBuffer.wrap(image))
                                .then()
                                .then(database.sql("""
                                                INSERT INTO ocr_job (receipt_id, status, next_attempt_at, created_at, updated_at)
                                                VALUES (:id, 'QUEUED', :now, :now, :now)""")
                                        .bind("id", receipt.id())
                                        .bind("now", at(receipt.createdAt()))
                                        .then())
                                .thenReturn(receipt));
    }

    @Override
    public Mono<Receipt> findBySha256(UUID userId, String sha256) {
        return database.sql("SELECT " + COLUMNS + " FROM receipt WHERE user_id = :user AND sha256 = :sha")
                .bind("user", userId)
                .bind("sha", sha256)
                .map(this::receipt)
                .one();
    }

    @Override
    public Mono<Receipt> findOwned(UUID id, UUID userId) {
        return database.sql("SELECT " + COLUMNS + " FROM receipt WHERE id = :id AND user_id = :user")
                .bind("id", id)
                .bind("user", userId)
                .map(this::receipt)
                .one();
    }

    @Override
    public Flux<Receipt> page(UUID userId, ReceiptCursor after, int limit) {
        DatabaseClient.GenericExecuteSpec spec = after == null
                ? database.sql("SELECT " + COLUMNS
                        + " FROM receipt WHERE user_id = :user ORDER BY created_at DESC, id DESC LIMIT :limit")
                : database.sql("SELECT " + COLUMNS + """
                                 FROM receipt WHERE user_id = :user AND (created_at, id) < (:createdAt, :id)
                                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                        .bind("createdAt", at(after.createdAt()))
                        .bind("id", after.id());
        return spec.bind("user", userId).bind("limit", limit).map(this::receipt).all();
    }

    @Override
    public Mono<Boolean> confirm(UUID id, UUID userId, ReceiptConfirmed confirmation) {
        return database.sql("""
                        UPDATE receipt SET status = 'CONFIRMED', confirmation = CAST(:confirmation AS jsonb),
                               confirmed_at = :at, updated_at = :at
                        WHERE id = :id AND user_id = :user AND status IN ('PROCESSED', 'FAILED')""")
                .bind("confirmation", json.writeValueAsString(confirmation))
                .bind("at", at(confirmation.confirmedAt()))
                .bind("id", id)
                .bind("user", userId)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    @Override
    public Mono<Boolean> delete(UUID id, UUID userId) {
        return database.sql("DELETE FROM receipt WHERE id = :id AND user_id = :user")
                .bind("id", id)
                .bind("user", userId)
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    private Receipt receipt(Readable row) {
        String fields = row.get("fields", String.class);
        String confirmation = row.get("confirmation", String.class);
        return new Receipt(
                row.get("id", UUID.class),
                row.get("user_id", UUID.class),
                ReceiptStatus.valueOf(row.get("status", String.class)),
                row.get("content_type", String.class),
                row.get("size_bytes", Integer.class),
                row.get("sha256", String.class),
                row.get("width", Integer.class),
                row.get("height", Integer.class),
                fields == null ? null : json.readValue(fields, Extraction.class),
                row.get("confidence", BigDecimal.class),
                row.get("failure_reason", String.class),
                instant(row.get("created_at", OffsetDateTime.class)),
                instant(row.get("processed_at", OffsetDateTime.class)),
                confirmation == null ? null : json.readValue(confirmation, ReceiptConfirmed.class),
                instant(row.get("confirmed_at", OffsetDateTime.class)));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

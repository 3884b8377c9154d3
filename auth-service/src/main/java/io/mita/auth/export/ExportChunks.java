package io.mita.auth.export;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An archive's bytes as ordered chunks ({@code data_export_chunk}): written one by one while the ZIP is built, only
 * under the writer's claim, and read one at a time for a download, so neither side holds the whole archive.
 */
@Repository
class ExportChunks {

    private final DatabaseClient db;

    ExportChunks(DatabaseClient db) {
        this.db = db;
    }

    /** Deletes what an interrupted attempt left; answers whether {@code claim} still holds the export. */
    Mono<Boolean> clear(UUID exportId, String claim) {
        return db.sql("DELETE FROM data_export_chunk WHERE export_id = :id AND EXISTS (SELECT 1 FROM data_export"
                        + " WHERE id = :id AND claimed_by = :claim AND status = 'PENDING')")
                .bind("id", exportId)
                .bind("claim", claim)
                .then()
                .then(holds(exportId, claim));
    }

    /** Deletes an export's chunks (a FAILED export keeps no partial archive). */
    Mono<Void> deleteAll(UUID exportId) {
        return db.sql("DELETE FROM data_export_chunk WHERE export_id = :id")
                .bind("id", exportId)
                .then();
    }

    /** Stores chunk {@code seq}; answers false (nothing stored) when {@code claim} no longer holds the export. */
    Mono<Boolean> write(UUID exportId, String claim, int seq, byte[] bytes) {
        return db.sql("INSERT INTO data_export_chunk (export_id, seq, bytes) SELECT :id, :seq, :bytes"
                        + " WHERE EXISTS (SELECT 1 FROM data_export WHERE id = :id AND claimed_by = :claim"
                        + " AND status = 'PENDING')")
                .bind("id", exportId)
                .bind("seq", seq)
                .bind("bytes", Parameters.in(R2dbcType.VARBINARY, ByteBuffer.wrap(bytes)))
                .bind("claim", claim)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** The chunks' numbers in order (a query of numbers only: the bytes are read chunk by chunk). */
    Flux<Integer> sequence(UUID exportId) {
        return db.sql("SELECT seq FROM data_export_chunk WHERE export_id = :id ORDER BY seq")
                .bind("id", exportId)
                .map(row -> row.get("seq", Integer.class))
                .all();
    }

    Mono<ByteBuffer> read(UUID exportId, int seq) {
        return db.sql("SELECT bytes FROM data_export_chunk WHERE export_id = :id AND seq = :seq")
                .bind("id", exportId)
                .bind("seq", seq)
                .map(row -> row.get("bytes", ByteBuffer.class))
                .one();
    }

    private Mono<Boolean> holds(UUID exportId, String claim) {
        return db.sql("SELECT count(*) AS n FROM data_export WHERE id = :id AND claimed_by = :claim"
                        + " AND status = 'PENDING'")
                .bind("id", exportId)
                .bind("claim", claim)
                .map(row -> row.get("n", Long.class))
                .one()
                .map(n -> n == 1);
    }
}

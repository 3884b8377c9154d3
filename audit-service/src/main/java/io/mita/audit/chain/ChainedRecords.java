package io.mita.audit.chain;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;

/** Reads a {@link ChainedRecord} from a row selected with {@link ChainedRecord#COLUMNS}. */
public final class ChainedRecords {

    private ChainedRecords() {}

    public static ChainedRecord read(Readable row) {
        return new ChainedRecord(
                row.get("seq", Long.class),
                row.get("event_id", UUID.class),
                row.get("source", String.class),
                row.get("type", String.class),
                row.get("subject", String.class),
                row.get("actor_id", String.class),
                row.get("correlation_id", String.class),
                row.get("occurred_at", Instant.class),
                row.get("received_at", Instant.class),
                row.get("topic", String.class),
                row.get("partition", Integer.class),
                row.get("kafka_offset", Long.class),
                row.get("data", String.class),
                row.get("email_hashes", String.class),
                row.get("sealed_data", String.class));
    }
}

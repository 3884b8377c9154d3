package io.mita.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One {@code audit_event} row exactly as PostgreSQL returns it, the input of the hash chain. Its canonical bytes
 * are every column in a fixed order, each as a 4-byte big-endian length followed by its UTF-8 text ({@code -1} and
 * no bytes for SQL NULL): seq, event_id, source, type, subject, actor_id, correlation_id, occurred_at and
 * received_at (microseconds since the epoch, the resolution of timestamptz), topic, partition, kafka_offset, data
 * (PostgreSQL's own text of the jsonb value, which is deterministic), email_hashes (comma-separated, in stored
 * order) and sealed_data (lower-case hex of the sealed bytes: the chain covers the ciphertext, so it still verifies
 * once the subject's key is destroyed). An offline verifier can rebuild them
 * from an export without this code (docs/audit.md).
 */
public record ChainedRecord(
        long seq,
        UUID eventId,
        String source,
        String type,
        String subject,
        String actorId,
        String correlationId,
        Instant occurredAt,
        Instant receivedAt,
        String topic,
        int partition,
        long kafkaOffset,
        String dataJson,
        String emailHashes,
        String sealedDataHex) {

    /** The columns to select (or return) for a record, in the form {@link #canonicalBytes()} expects. */
    public static final String COLUMNS = "seq, event_id, source, type, subject, actor_id, correlation_id, "
            + "occurred_at, received_at, topic, partition, kafka_offset, data::text AS data, "
            + "array_to_string(email_hashes, ',') AS email_hashes, encode(sealed_data, 'hex') AS sealed_data";

    /**
     * The same canonical bytes computed by PostgreSQL from an {@code audit_event} row, as one {@code bytea} (select
     * it {@code AS canonical}): the integrity walk reads this instead of the fifteen columns, so the service decodes
     * three values a record instead of fifteen and hashes what the database returns. Built only from PostgreSQL's
     * own functions over the stored columns (no function of the schema, which its owner could replace), and proved
     * byte for byte equal to {@link #canonicalBytes()} by {@code CanonicalBytesIT}.
     */
    public static final String CANONICAL_BYTES_SQL = String.join(
            " || ",
            sqlField("seq::text"),
            sqlField("event_id::text"),
            sqlField("source"),
            sqlField("type"),
            sqlField("subject"),
            sqlField("actor_id"),
            sqlField("correlation_id"),
            sqlField(microsSql("occurred_at")),
            sqlField(microsSql("received_at")),
            sqlField("topic"),
            sqlField("partition::text"),
            sqlField("kafka_offset::text"),
            sqlField("data::text"),
            sqlField("array_to_string(email_hashes, ',')"),
            sqlField("encode(sealed_data, 'hex')"));

    /** One field of {@link #CANONICAL_BYTES_SQL}: the UTF-8 bytes after their 4-byte length, or -1 for NULL. */
    private static String sqlField(String text) {
        String utf8 = "convert_to(" + text + ", 'UTF8')";
        return "coalesce(int4send(octet_length(" + utf8 + ")) || " + utf8 + ", decode('ffffffff', 'hex'))";
    }

    /** Whole microseconds since the epoch, as {@link #micros(Instant)} writes them (exact: extract is numeric). */
    private static String microsSql(String column) {
        return "trunc(extract(epoch FROM " + column + ") * 1000000)::bigint::text";
    }

    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + (dataJson == null ? 0 : dataJson.length()));
        field(out, Long.toString(seq));
        field(out, eventId.toString());
        field(out, source);
        field(out, type);
        field(out, subject);
        field(out, actorId);
        field(out, correlationId);
        field(out, micros(occurredAt));
        field(out, micros(receivedAt));
        field(out, topic);
        field(out, Integer.toString(partition));
        field(out, Long.toString(kafkaOffset));
        field(out, dataJson);
        field(out, emailHashes);
        field(out, sealedDataHex);
        return out.toByteArray();
    }

    private static String micros(Instant instant) {
        return instant == null ? null : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            writeInt(out, -1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}

package io.mita.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.ingest.TestAppender;
import io.mita.testsupport.MitaIntegrationTest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The canonical bytes PostgreSQL builds for the integrity walk ({@link ChainedRecord#CANONICAL_BYTES_SQL}) are byte for
 * byte the ones the chain writer hashed ({@link ChainedRecord#canonicalBytes()}): on records stored by the real
 * writer, and on rows with every column that may be NULL left NULL, non-ASCII text, nested JSON with escapes, several
 * e-mail hashes, sealed bytes and timestamps before and long after 1970's first second (read from a VALUES list typed
 * like {@code audit_event}, so nothing unchained is written to the log).
 */
@MitaIntegrationTest
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")
class CanonicalBytesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Edge cases, in the column order and types of audit_event. */
    private static final String EDGE_ROWS = """
            (VALUES
              (1::bigint, '6f1c0d2e-8a4b-4c3d-9e5f-0a1b2c3d4e5f'::uuid, '/mita/auth', 'mita.auth.user.registered.v1',
               'Zoë 😀 subject', NULL::text, NULL::text, timestamptz '1999-12-31 23:59:59.999999+00',
               timestamptz '2026-12-01 01:02:03.000001+00', 'mita.auth.v1', 0, 0::bigint, NULL::jsonb, NULL::text[],
               NULL::bytea),
              (9223372036854775807, 'ffffffff-ffff-4fff-bfff-ffffffffffff', 'src', 'type', 'subject', 'actor é',
               'corr-1', timestamptz '1970-01-01 00:00:01+00', timestamptz '2100-06-30 12:00:00.5+02', 't', 2147483647,
               9223372036854775807, '{"b": [1, 2.50, {"x": "quote \\" and \\\\ backslash"}], "a": "ü", "n": null}'::jsonb,
               ARRAY['h1', 'h2'], decode('00ff10', 'hex')),
              (3, '00000000-0000-4000-8000-000000000000', '', '', '', '', '', timestamptz '2026-02-28 00:00:00+00',
               timestamptz '2026-02-28 00:00:00+00', '', -1, -5, '{}'::jsonb, ARRAY[]::text[], ''::bytea))
            AS audit_event(seq, event_id, source, type, subject, actor_id, correlation_id, occurred_at, received_at,
                           topic, partition, kafka_offset, data, email_hashes, sealed_data)""";

    @Autowired
    private DatabaseClient database;

    @Autowired
    private ApplicationContext context;

    @Test
    void theDatabaseBuildsTheSameBytesAsTheWriterForStoredRecords() {
        String subject = "canonical-" + UUID.randomUUID();
        TestAppender.append(context, subject, 5);

        List<Map.Entry<byte[], byte[]>> rows = both("audit_event WHERE subject = '" + subject + "'");

        assertThat(rows).hasSize(5);
        assertSame(rows);
    }

    @Test
    void theDatabaseBuildsTheSameBytesAsTheWriterForNullsUnicodeJsonArraysAndBytes() {
        List<Map.Entry<byte[], byte[]>> rows = both(EDGE_ROWS);

        assertThat(rows).hasSize(3);
        assertSame(rows);
        // a NULL column is the length -1 and no bytes: the first row's actor_id follows its subject directly
        String first = HexFormat.of().formatHex(rows.get(0).getValue());
        assertThat(first).contains("ffffffffffffffff"); // actor_id and correlation_id, both NULL
    }

    private static void assertSame(List<Map.Entry<byte[], byte[]>> rows) {
        for (Map.Entry<byte[], byte[]> row : rows) {
            assertThat(HexFormat.of().formatHex(row.getValue()))
                    .as("canonical bytes built by PostgreSQL")
                    .isEqualTo(HexFormat.of().formatHex(row.getKey()));
        }
    }

    /** For each row of {@code from}: the writer's canonical bytes (key) and the database's (value). */
    private List<Map.Entry<byte[], byte[]>> both(String from) {
        return database.sql("SELECT " + ChainedRecord.COLUMNS + ", " + ChainedRecord.CANONICAL_BYTES_SQL
                        + " AS canonical FROM " + from + " ORDER BY seq")
                .map(row -> {
                    ByteBuffer canonical = row.get("canonical", ByteBuffer.class);
                    byte[] database = new byte[canonical.remaining()];
                    canonical.get(database);
                    return Map.entry(ChainedRecords.read(row).canonicalBytes(), database);
                })
                .all()
                .collectList()
                .block(WAIT);
    }
}

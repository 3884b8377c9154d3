package io.mita.common.export;

import io.r2dbc.postgresql.codec.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes everything a service holds about one user (GDPR Art. 15 and 20) as one JSON document, streamed:
 * <pre>{"service":"budget","userId":"…","exportedAt":"…","transaction":[{…},…],"category":[…],…}</pre>
 * one array per {@link ExportedTable}, each row an object of its columns. The rows are read in pages of
 * {@value #PAGE} by keyset (the table's unique key, compared as text in the "C" collation), one page in memory at
 * a time, so a user with 100,000 transactions costs a page of heap, not the whole document. Values: numbers as
 * written (decimals as strings, exactly: money never becomes a double), times and dates ISO-8601, UUIDs as
 * strings (a timestamp with time zone in UTC), JSON columns as JSON, bytes as base64 (a service that keeps large binaries selects their metadata
 * instead). The mirror image of common-lib's erasure: the same tables, read instead of deleted.
 */
public class PersonalDataExport {

    static final int PAGE = 500;
    static final String KEY_COLUMN = "mita_export_key";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient database;
    private final Clock clock;

    public PersonalDataExport(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The document, as buffers to write to a response (each page one buffer). */
    public Flux<DataBuffer> export(String service, UUID userId, List<ExportedTable> tables) {
        return Flux.defer(() -> {
                    Map<String, Object> head = new LinkedHashMap<>();
                    head.put("service", service);
                    head.put("userId", userId.toString());
                    head.put("exportedAt", clock.instant().toString());
                    String opening = JSON.writeValueAsString(head);
                    // the head object without its closing brace: the arrays follow as further members
                    Flux<byte[]> body = Flux.just(bytes(opening.substring(0, opening.length() - 1)));
                    for (ExportedTable table : tables) {
                        body = body.concatWith(array(table, userId));
                    }
                    return body.concatWith(Mono.just(bytes("}")));
                })
                .map(bytes -> (DataBuffer) DefaultDataBufferFactory.sharedInstance.wrap(bytes));
    }

    private Flux<byte[]> array(ExportedTable table, UUID userId) {
        boolean[] first = {true};
        return Flux.concat(
                Mono.fromSupplier(() -> bytes("," + JSON.writeValueAsString(table.name()) + ":[")),
                pages(table, userId).map(page -> {
                    StringBuilder out = new StringBuilder();
                    for (Map<String, Object> row : page) {
                        if (!first[0]) {
                            out.append(',');
                        }
                        first[0] = false;
                        out.append(JSON.writeValueAsString(row));
                    }
                    return bytes(out.toString());
                }),
                Mono.fromSupplier(() -> bytes("]")));
    }

    /** Pages of rows in key order; the next page starts after the last key of the one before. */
    Flux<List<Map<String, Object>>> pages(ExportedTable table, UUID userId) {
        String sql = "SELECT q.*, CAST((" + table.key() + ") AS TEXT) COLLATE \"C\" AS " + KEY_COLUMN + " FROM ("
                + table.query() + ") q WHERE CAST((" + table.key() + ") AS TEXT) COLLATE \"C\" > :after"
                + " ORDER BY " + KEY_COLUMN + " LIMIT " + PAGE;
        return page(sql, userId, "")
                .expand(page -> page.rows().size() < PAGE ? Mono.empty() : page(sql, userId, page.lastKey()))
                .map(Page::rows)
                .filter(rows -> !rows.isEmpty());
    }

    private Mono<Page> page(String sql, UUID userId, String after) {
        return database.sql(sql)
                .bind("userId", userId)
                .bind("after", after)
                .fetch()
                .all()
                .collectList()
                .map(rows -> {
                    String lastKey = rows.isEmpty()
                            ? after
                            : (String) rows.get(rows.size() - 1).get(KEY_COLUMN);
                    return new Page(
                            rows.stream().map(PersonalDataExport::exported).toList(), lastKey);
                });
    }

    private static Map<String, Object> exported(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (!KEY_COLUMN.equalsIgnoreCase(column)) {
                out.put(column, value(value));
            }
        });
        return out;
    }

    static Object value(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString(); // timestamptz: one instant, always in UTC, whatever the session zone
        }
        if (value instanceof UUID || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Json json) {
            return JSON.readTree(json.asString());
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(PersonalDataExport::value).toList();
        }
        return value.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Page(List<Map<String, Object>> rows, String lastKey) {}
}

package io.mita.common.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.MitaIntegrationTest;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's rows written as one JSON document on the real database: every row once across pages, nobody else's,
 * decimals exact as strings, a joined child table, an empty table as an empty array.
 */
@MitaIntegrationTest
class PersonalDataExportIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final List<ExportedTable> TABLES = List.of(
            ExportedTable.table("export_it_entry", "id"),
            new ExportedTable(
                    "export_it_mark",
                    "SELECT m.* FROM export_it_mark m JOIN export_it_entry e ON e.id = m.entry_id"
                            + " WHERE e.user_id = :userId",
                    "concat_ws(':', entry_id, position)"),
            ExportedTable.table("export_it_empty", "id"));

    @Autowired
    PersonalDataExport export;

    @Autowired
    DatabaseClient database;

    @Test
    void everyRowOfThePersonComesOnceAcrossPagesAndNoRowOfAnyoneElse() {
        run("CREATE TABLE IF NOT EXISTS export_it_entry (id UUID PRIMARY KEY, user_id UUID NOT NULL,"
                + " amount NUMERIC(19, 4) NOT NULL, at TIMESTAMPTZ NOT NULL, tags JSONB)");
        run("CREATE TABLE IF NOT EXISTS export_it_mark (entry_id UUID NOT NULL, position INT NOT NULL,"
                + " PRIMARY KEY (entry_id, position))");
        run("CREATE TABLE IF NOT EXISTS export_it_empty (id UUID PRIMARY KEY, user_id UUID NOT NULL)");
        UUID person = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        int rows = PersonalDataExport.PAGE * 2 + 17;
        insert(person, rows);
        insert(other, 3);

        JsonNode document = JsonMapper.builder()
                .build()
                .readTree(DataBufferUtils.join(export.export("test", person, TABLES))
                        .map(PersonalDataExportIT::text)
                        .block(WAIT));

        assertThat(document.get("service").asString()).isEqualTo("test");
        assertThat(document.get("userId").asString()).isEqualTo(person.toString());
        assertThat(document.get("exportedAt").asString()).isNotBlank();
        JsonNode entries = document.get("export_it_entry");
        assertThat(entries).hasSize(rows);
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : entries) {
            assertThat(entry.get("user_id").asString()).isEqualTo(person.toString());
            assertThat(entry.has("mita_export_key")).isFalse();
            ids.add(entry.get("id").asString());
        }
        assertThat(ids).hasSize(rows);
        assertThat(entries.get(0).get("amount").asString()).isEqualTo("12.3400");
        assertThat(entries.get(0).get("tags").get("kind").asString()).isEqualTo("groceries");
        assertThat(entries.get(0).get("at").asString()).startsWith("2026-11-30T10:15:30");
        assertThat(document.get("export_it_mark")).hasSize(rows * 2);
        assertThat(document.get("export_it_empty")).isEmpty();
    }

    private void insert(UUID user, int rows) {
        run("INSERT INTO export_it_entry (id, user_id, amount, at, tags) SELECT gen_random_uuid(), '" + user
                + "', 12.34, TIMESTAMPTZ '2026-11-30T10:15:30Z', '{\"kind\":\"groceries\"}'::jsonb"
                + " FROM generate_series(1, " + rows + ")");
        run("INSERT INTO export_it_mark (entry_id, position) SELECT e.id, p FROM export_it_entry e,"
                + " generate_series(1, 2) p WHERE e.user_id = '" + user + "'");
    }

    private void run(String sql) {
        database.sql(sql).then().block(WAIT);
    }

    private static String text(DataBuffer buffer) {
        String text = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        DataBufferUtils.release(buffer);
        return text;
    }
}

package io.mita.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.query.StoredAuditEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventLinesTest {

    static final UUID EVENT = UUID.fromString("0b9e8a5c-7d1e-4c3f-9a2b-1c2d3e4f5a6b");

    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    static StoredAuditEvent anEvent(String dataJson, boolean erased) {
        return new StoredAuditEvent(
                7,
                EVENT,
                "/mita/auth",
                "mita.auth.user.registered.v1",
                "user-1",
                "=cmd|' /C calc'!A0",
                null,
                Instant.parse("2026-01-15T09:30:00Z"),
                Instant.parse("2026-01-15T09:30:01.123456Z"),
                dataJson,
                erased);
    }

    @Test
    void aCsvExportStartsWithAHeaderRowAndEndsEveryRecordWithCrLf() {
        EventLines csv = ExportFormat.CSV.lines(jsonMapper);

        assertThat(csv.header())
                .isEqualTo("eventId,source,type,subject,actorId,correlationId,occurredAt,receivedAt,"
                        + "personalDataErased,data\r\n");
        assertThat(csv.line(anEvent("{\"email\": \"j***@example.com\", \"n\": 1}", false)))
                .isEqualTo(EVENT + ",/mita/auth,mita.auth.user.registered.v1,user-1,'=cmd|' /C calc'!A0,,"
                        + "2026-01-15T09:30:00Z,2026-01-15T09:30:01.123456Z,false,"
                        + "\"{\"\"email\"\": \"\"j***@example.com\"\", \"\"n\"\": 1}\"\r\n");
    }

    @Test
    void anErasedEventIsExportedWithoutDataAndMarkedSo() {
        assertThat(ExportFormat.CSV.lines(jsonMapper).line(anEvent(null, true))).endsWith(",true,\r\n");

        JsonNode line =
                jsonMapper.readTree(ExportFormat.NDJSON.lines(jsonMapper).line(anEvent(null, true)));
        assertThat(line.get("data").isNull()).isTrue();
        assertThat(line.get("personalDataErased").asBoolean()).isTrue();
    }

    @Test
    void anNdjsonExportIsOneJsonObjectPerLineShapedLikeASearchItemWithTheStoredDataAsItIs() {
        EventLines ndjson = ExportFormat.NDJSON.lines(jsonMapper);

        String line = ndjson.line(anEvent("{\"n\": 1, \"nested\": {\"a\": [1, 2]}}", false));

        assertThat(ndjson.header()).isEmpty();
        assertThat(line).endsWith("\n").doesNotContain("\r").containsOnlyOnce("\n");
        assertThat(line)
                .startsWith("{\"eventId\":\"" + EVENT + "\",\"source\":\"/mita/auth\"")
                .contains("\"data\":{\"n\": 1, \"nested\": {\"a\": [1, 2]}}");
        JsonNode parsed = jsonMapper.readTree(line);
        assertThat(parsed.get("occurredAt").asString()).isEqualTo("2026-01-15T09:30:00Z");
        assertThat(parsed.get("receivedAt").asString()).isEqualTo("2026-01-15T09:30:01.123456Z");
        assertThat(parsed.get("actorId").asString()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(parsed.get("correlationId").isNull()).isTrue();
        assertThat(parsed.get("data").get("nested").get("a").get(1).asInt()).isEqualTo(2);
        assertThat(parsed.has("seq")).isFalse();
    }

    @Test
    void dataWithLineBreaksIsWrittenCompactlySoThatOneLineStaysOneEvent() {
        String line = ExportFormat.NDJSON.lines(jsonMapper).line(anEvent("{\n  \"n\": 1\r\n}", false));

        assertThat(line).containsOnlyOnce("\n").endsWith("\"data\":{\"n\":1},\"personalDataErased\":false}\n");
    }
}

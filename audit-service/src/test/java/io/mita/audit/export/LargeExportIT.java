package io.mita.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.AuditApi;
import io.mita.audit.OwnerSql;
import io.mita.audit.ingest.TestAppender;
import io.mita.testsupport.MitaIntegrationTest;
import io.mita.testsupport.TestTokens;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export against the real PostgreSQL and HTTP: a million events (inserted in one statement as the owner, as
 * rows stored before sealing) come out as CSV through the service's port, and the heap does not grow with them:
 * the used heap after a full collection when the client has read the last rows is within a bound of what it was
 * after a tenth of them, a bound far below what the rows themselves would take. {@code -Dmita.audit.large-export
 * .rows=N} changes the number of events (default 1,000,000).
 */
@MitaIntegrationTest
@TestPropertySource(
        properties = {
            // a database of its own that no consumer writes into
            "spring.kafka.listener.auto-startup=false",
            "mita.audit.integrity.digest-interval=100d"
        })
class LargeExportIT {

    private static final Logger log = LoggerFactory.getLogger(LargeExportIT.class);

    static final int ROWS = Integer.getInteger("mita.audit.large-export.rows", 1_000_000);
    static final String SOURCE = "/mita/large-export";
    /** Far below what 90 % of the rows would take if they were held (at least 150 bytes each on the heap). */
    static final long HEAP_GROWTH_BOUND = 32L * 1024 * 1024;

    @LocalServerPort
    private int port;

    @Value("${mita.service.database}")
    private String database;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private WebTestClient web;

    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    /** ROWS events of source {@value #SOURCE}, oldest first; every 100,000th has a formula as correlation id. */
    private void insertEvents(OwnerSql owner) {
        owner.execute("""
                INSERT INTO audit_event (event_id, source, type, subject, actor_id, correlation_id, occurred_at, topic,
                                         partition, kafka_offset, data)
                SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, ?,
                       'mita.test.thing.happened.v1', 'subject-' || g % 5000, 'actor-' || g % 100,
                       CASE WHEN g % 100000 = 0 THEN '=HYPERLINK("http://evil.example")' ELSE 'corr-' || g END,
                       now() - make_interval(secs => (? - g) / 1000.0), 'mita.test.v1', 0, g,
                       jsonb_build_object('n', g, 'amount', '12.50', 'note', 'row ' || g || ', with "quotes"')
                FROM generate_series(1, ?) AS g""", SOURCE, ROWS, ROWS);
        owner.execute("ANALYZE audit_event");
    }

    private HttpResponse<InputStream> export(String query, String token) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/audit/events/export?" + query))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static long usedHeapAfterFullCollection() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            least = Math.min(
                    least,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    @Test
    void aMillionEventsStreamOutAsCsvWithoutTheHeapGrowingWithThem() throws Exception {
        insertEvents(new OwnerSql(database));
        UUID officer = UUID.randomUUID();
        String token = TestTokens.forUser(officer, "COMPLIANCE");

        HttpResponse<InputStream> response = export("format=csv&source=" + SOURCE, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
        long lines = 0;
        long heapAtATenth = 0;
        long heapAtTheEnd = 0;
        List<String> formulaLines = new ArrayList<>();
        String header;
        String newest;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 8192)) {
            header = reader.readLine();
            lines = 1;
            newest = null;
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if (newest == null) {
                    newest = line;
                }
                if (line.contains("HYPERLINK")) {
                    formulaLines.add(line);
                }
                if (lines == ROWS / 10) {
                    heapAtATenth = usedHeapAfterFullCollection();
                } else if (lines == ROWS) { // one row is still to come: the export is still running
                    heapAtTheEnd = usedHeapAfterFullCollection();
                }
            }
        }

        log.info(
                "exported {} lines; used heap after full collections: {} MB after a tenth, {} MB at the end",
                lines,
                heapAtATenth >> 20,
                heapAtTheEnd >> 20);
        assertThat(lines).as("the header and every event").isEqualTo(ROWS + 1L);
        assertThat(header).isEqualTo(CsvEventLines.HEADER.strip());
        assertThat(newest).startsWith(String.format("00000000-0000-4000-8000-%012x,%s,", ROWS, SOURCE));
        assertThat(newest)
                .endsWith(",false,\"{\"\"n\"\": " + ROWS + ", \"\"note\"\": \"\"row " + ROWS
                        + ", with \\\"\"quotes\\\"\"\"\", \"\"amount\"\": \"\"12.50\"\"}\"");
        assertThat(formulaLines)
                .hasSize(ROWS / 100_000)
                .allMatch(line -> line.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\")\","));
        assertThat(heapAtTheEnd - heapAtATenth)
                .as(
                        "used heap growth between a tenth and all of %d rows (%d MB → %d MB)",
                        ROWS, heapAtATenth >> 20, heapAtTheEnd >> 20)
                .isLessThan(HEAP_GROWTH_BOUND);

        AuditApi.Page accesses = new AuditApi(web, TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE"))
                .search("type=mita.audit.log.accessed.v1&actor=" + officer);
        assertThat(accesses.items()).hasSize(1);
        assertThat(accesses.items().get(0).data())
                .containsEntry("action", "export")
                .containsEntry("details", Map.of("source", SOURCE, "format", "csv"));
    }

    @Test
    void anNdjsonExportOfOneSubjectOpensItsSealedDataOneObjectPerLine() throws Exception {
        String subject = "sealed-" + UUID.randomUUID();
        List<UUID> appended = TestAppender.append(context, subject, 3);

        HttpResponse<InputStream> response =
                export("format=ndjson&subject=" + subject, TestTokens.forUser(UUID.randomUUID(), "COMPLIANCE"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> events.add(jsonMapper.readTree(line)));
        }
        assertThat(events)
                .extracting(event -> UUID.fromString(event.get("eventId").asString()))
                .containsExactly(appended.get(2), appended.get(1), appended.get(0));
        assertThat(events.get(0).get("data").get("n").asInt()).isEqualTo(2);
        assertThat(events.get(0).get("personalDataErased").asBoolean()).isFalse();
    }
}

package io.mita.audit.export;

import static io.mita.testsupport.ProblemResponses.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.trail.AccessTrail;
import io.mita.testsupport.MitaWebFluxTest;
import io.mita.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The export endpoint over an in-memory log: formats, headers, who may export, refusals, and the access record. */
@MitaWebFluxTest(AuditExportController.class)
@Import(AuditExportControllerTest.InMemoryExport.class)
class AuditExportControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class InMemoryExport {

        @Bean
        AuditEventExport auditEventExport(JsonMapper jsonMapper) {
            return new AuditEventExport(new AuditEventExportTest.InMemoryLog(3), jsonMapper);
        }

        @Bean
        RecordingTrail accessTrail() {
            return new RecordingTrail();
        }
    }

    /** The access records the controller made, in order; refuses to record when told to. */
    static class RecordingTrail implements AccessTrail {

        final List<String> records = new CopyOnWriteArrayList<>();
        volatile boolean broken;

        @Override
        public Mono<Void> record(UUID userId, String action, Map<String, String> details) {
            if (broken) {
                return Mono.error(new IllegalStateException("the audit database is gone"));
            }
            return Mono.fromRunnable(() -> records.add(userId + " " + action + " " + new TreeMap<>(details)));
        }
    }

    @Autowired
    WebTestClient web;

    @Autowired
    RecordingTrail trail;

    @BeforeEach
    void cleanTrail() {
        trail.records.clear();
        trail.broken = false;
    }

    private WebTestClient.ResponseSpec export(String query, String... roles) {
        return web.get()
                .uri("/api/audit/events/export" + query)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(UUID.randomUUID(), roles)))
                .exchange();
    }

    @Test
    void aComplianceOfficerDownloadsTheLogAsCsvWithAHeaderRowAndAFileName() {
        byte[] body = export("?format=csv", "COMPLIANCE")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/csv;charset=UTF-8")
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        value ->
                                assertThat(value).matches("attachment; filename=\"audit-events-\\d{8}T\\d{6}Z\\.csv\""))
                .expectBody()
                .returnResult()
                .getResponseBody();

        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("eventId,source,type,");
        assertThat(lines[1]).startsWith(new UUID(0, 3) + ",/mita/test,");
        assertThat(lines[3]).startsWith(new UUID(0, 1) + ",/mita/test,");
    }

    @Test
    void csvIsTheDefaultFormat() {
        export("", "COMPLIANCE").expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8");
    }

    @Test
    void aComplianceOfficerDownloadsTheLogAsNdjson() {
        byte[] body = export("?format=NDJSON", "COMPLIANCE")
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("application/x-ndjson")
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        value -> assertThat(value).endsWith(".ndjson\""))
                .expectBody()
                .returnResult()
                .getResponseBody();

        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3).allMatch(line -> line.startsWith("{\"eventId\":") && line.endsWith("}"));
    }

    @Test
    void theExportIsRecordedWithItsCallerFiltersAndFormatBeforeItIsSent() {
        UUID officer = UUID.randomUUID();

        web.get()
                .uri("/api/audit/events/export?format=ndjson&subject=user-1&type=t&source=/s&actor=a&correlationId=c"
                        + "&email=jane@example.com&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(officer, "COMPLIANCE")))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(trail.records)
                .containsExactly(officer
                        + " export {actor=a, correlationId=c, email=jane@example.com, format=ndjson,"
                        + " from=2026-01-01T00:00:00Z, source=/s, subject=user-1, to=2026-02-01T00:00:00Z, type=t}");
    }

    @Test
    void anExportThatCannotBeRecordedIsNotSent() {
        trail.broken = true;

        export("?format=csv", "COMPLIANCE").expectStatus().is5xxServerError();
        assertThat(trail.records).isEmpty();
    }

    @Test
    void anUnknownFormatIs400WithItsOwnCode() {
        expectProblem(export("?format=xlsx", "COMPLIANCE"), 400, "AUDIT_INVALID_EXPORT_FORMAT");
        assertThat(trail.records).isEmpty();
    }

    @Test
    void badFiltersAre400ValidationFailed() {
        expectProblem(export("?from=yesterday", "COMPLIANCE"), 400, "VALIDATION_FAILED");
        expectProblem(export("?to=2026-01-01", "COMPLIANCE"), 400, "VALIDATION_FAILED");
        expectProblem(
                export("?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "COMPLIANCE"), 400, "VALIDATION_FAILED");
        expectProblem(export("?email=not-an-address", "COMPLIANCE"), 400, "VALIDATION_FAILED");
        assertThat(trail.records).isEmpty();
    }

    @Test
    void aCursorOrALimitIs400BecauseAnExportHoldsEveryMatchingEvent() {
        expectProblem(export("?limit=10", "COMPLIANCE"), 400, "VALIDATION_FAILED");
        expectProblem(export("?cursor=abc", "COMPLIANCE"), 400, "VALIDATION_FAILED");
        assertThat(trail.records).isEmpty();
    }

    @Test
    void anOrdinaryUserIs403AndLeavesNoAccessRecord() {
        expectProblem(export("?format=csv", "USER"), 403, "AUTH_FORBIDDEN");
        expectProblem(export("?format=xlsx", "USER"), 403, "AUTH_FORBIDDEN");
        assertThat(trail.records).isEmpty();
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        expectProblem(web.get().uri("/api/audit/events/export").exchange(), 401, "AUTH_UNAUTHENTICATED");
    }
}

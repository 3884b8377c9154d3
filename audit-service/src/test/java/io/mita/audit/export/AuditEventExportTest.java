package io.mita.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.audit.query.AuditEventFilter;
import io.mita.audit.query.StoredAuditEvent;
import io.mita.audit.query.StoredAuditEvents;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The export's paging over an in-memory log: every event once, newest first, and no page read ahead of need. */
class AuditEventExportTest {

    private static final AuditEventFilter NO_FILTER =
            new AuditEventFilter(null, null, null, null, null, null, null, null);

    /** A log of events with seq 1..size that records every page asked of it. */
    static final class InMemoryLog implements StoredAuditEvents {

        final List<StoredAuditEvent> events = new ArrayList<>();
        final List<String> pagesAsked = new CopyOnWriteArrayList<>();

        InMemoryLog(long size) {
            LongStream.rangeClosed(1, size)
                    .forEach(seq -> events.add(new StoredAuditEvent(
                            seq,
                            new UUID(0, seq),
                            "/mita/test",
                            "mita.test.thing.happened.v1",
                            "subject-" + seq % 7,
                            null,
                            null,
                            Instant.EPOCH.plusSeconds(seq),
                            Instant.EPOCH.plusSeconds(seq),
                            "{\"n\": " + seq + "}",
                            false)));
        }

        @Override
        public Flux<StoredAuditEvent> find(AuditEventFilter filter, Long beforeSeq, int limit) {
            pagesAsked.add(filter.subject() + " before " + beforeSeq + " limit " + limit);
            List<StoredAuditEvent> newestFirst = new ArrayList<>(events);
            Collections.reverse(newestFirst);
            return Flux.fromIterable(newestFirst)
                    .filter(event -> beforeSeq == null || event.seq() < beforeSeq)
                    .filter(event ->
                            filter.subject() == null || filter.subject().equals(event.subject()))
                    .take(limit);
        }

        @Override
        public Mono<StoredAuditEvent> findById(UUID eventId) {
            return Mono.empty();
        }

        @Override
        public Flux<StoredAuditEvent> story(String correlationId) {
            return Flux.empty();
        }
    }

    private final JsonMapper jsonMapper = JsonMapper.builder().build();

    private List<String> exportedLines(InMemoryLog log, AuditEventFilter filter, ExportFormat format) {
        String text = new AuditEventExport(log, jsonMapper)
                .export(filter, format)
                .map(AuditEventExportTest::text)
                .collect(StringBuilder::new, StringBuilder::append)
                .block(Duration.ofSeconds(30))
                .toString();
        return text.isEmpty() ? List.of() : List.of(text.split(format == ExportFormat.CSV ? "\r\n" : "\n"));
    }

    private static String text(DataBuffer buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyEventIsExportedOnceNewestFirstAcrossPages() {
        InMemoryLog log = new InMemoryLog(2 * AuditEventExport.PAGE_ROWS + 500);

        List<String> lines = exportedLines(log, NO_FILTER, ExportFormat.NDJSON);

        assertThat(lines).hasSize(2 * AuditEventExport.PAGE_ROWS + 500);
        assertThat(lines.get(0)).contains("\"data\":{\"n\": 2500}");
        assertThat(lines.get(lines.size() - 1)).contains("\"data\":{\"n\": 1}");
        assertThat(lines.stream().distinct()).hasSameSizeAs(lines);
        assertThat(log.pagesAsked)
                .containsExactly(
                        "null before null limit 1000", "null before 1501 limit 1000", "null before 501 limit 1000");
    }

    @Test
    void aLogOfWholePagesEndsAfterOneEmptyPage() {
        InMemoryLog log = new InMemoryLog(2 * AuditEventExport.PAGE_ROWS);

        assertThat(exportedLines(log, NO_FILTER, ExportFormat.CSV)).hasSize(1 + 2 * AuditEventExport.PAGE_ROWS);
        assertThat(log.pagesAsked).hasSize(3).last().isEqualTo("null before 1 limit 1000");
    }

    @Test
    void anExportWithNoMatchingEventIsTheCsvHeaderAloneOrAnEmptyNdjsonFile() {
        InMemoryLog log = new InMemoryLog(0);

        assertThat(exportedLines(log, NO_FILTER, ExportFormat.CSV)).containsExactly(CsvEventLines.HEADER.strip());
        assertThat(exportedLines(log, NO_FILTER, ExportFormat.NDJSON)).isEmpty();
    }

    @Test
    void theFilterReachesEveryPageQuery() {
        InMemoryLog log = new InMemoryLog(7 * AuditEventExport.PAGE_ROWS + 70);
        AuditEventFilter subject3 = new AuditEventFilter("subject-3", null, null, null, null, null, null, null);

        List<String> lines = exportedLines(log, subject3, ExportFormat.CSV);

        assertThat(lines).hasSize(1 + AuditEventExport.PAGE_ROWS + 10);
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.contains(",subject-3,"));
        assertThat(log.pagesAsked).allMatch(page -> page.startsWith("subject-3 before "));
    }

    @Test
    void aPageIsReadOnlyWhenTheClientHasTakenThePageBeforeIt() {
        InMemoryLog log = new InMemoryLog(50L * AuditEventExport.PAGE_ROWS);
        Flux<DataBuffer> export = new AuditEventExport(log, jsonMapper).export(NO_FILTER, ExportFormat.CSV);

        StepVerifier.create(export, 2)
                .expectNextCount(2) // the header and the first chunk of the first page
                .then(() -> assertThat(log.pagesAsked)
                        .as("the page being written and at most the next one")
                        .hasSizeLessThanOrEqualTo(2))
                .thenRequest(1)
                .expectNextCount(1)
                .then(() -> assertThat(log.pagesAsked).hasSizeLessThanOrEqualTo(2))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }
}

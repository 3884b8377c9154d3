package io.mita.audit.export;

import io.mita.audit.query.AuditEventFilter;
import io.mita.audit.query.StoredAuditEvent;
import io.mita.audit.query.StoredAuditEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports every event matching a filter as a file, newest first (the search's order), in constant memory: the log
 * is read in keyset pages of {@value #PAGE_ROWS} events ({@code seq < last seq of the previous page}, one short
 * query each, no transaction or cursor held open), and a page is read only when the client has taken the one
 * before: at most the page being written and the next one are in memory, whatever the number of events. Each
 * page is written as chunks of about {@value #CHUNK_CHARS} characters. Events appended while an export runs have
 * a higher seq than its first page and are not in it: the file is the log as it was when the export started.
 */
@Service
class AuditEventExport {

    static final int PAGE_ROWS = 1000;
    static final int CHUNK_CHARS = 8 * 1024;

    private final StoredAuditEvents store;
    private final JsonMapper jsonMapper;

    AuditEventExport(StoredAuditEvents store, JsonMapper jsonMapper) {
        this.store = store;
        this.jsonMapper = jsonMapper;
    }

    Flux<DataBuffer> export(AuditEventFilter filter, ExportFormat format) {
        EventLines lines = format.lines(jsonMapper);
        Flux<DataBuffer> header = Mono.fromSupplier(lines::header)
                .filter(text -> !text.isEmpty())
                .map(AuditEventExport::buffer)
                .flux();
        Flux<List<StoredAuditEvent>> pages = page(filter, null)
                .expand(page -> page.size() < PAGE_ROWS
                        ? Mono.empty()
                        : page(filter, page.get(page.size() - 1).seq()));
        // prefetch 1: the next page is asked for only once the current one is written
        return header.concatWith(pages.concatMapIterable(page -> chunks(page, lines), 1));
    }

    private Mono<List<StoredAuditEvent>> page(AuditEventFilter filter, Long beforeSeq) {
        return store.find(filter, beforeSeq, PAGE_ROWS).collectList();
    }

    private static List<DataBuffer> chunks(List<StoredAuditEvent> page, EventLines lines) {
        List<DataBuffer> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 1024);
        for (StoredAuditEvent event : page) {
            chunk.append(lines.line(event));
            if (chunk.length() >= CHUNK_CHARS) {
                chunks.add(buffer(chunk));
                chunk.setLength(0);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(buffer(chunk));
        }
        return chunks;
    }

    private static DataBuffer buffer(CharSequence text) {
        return DefaultDataBufferFactory.sharedInstance.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}

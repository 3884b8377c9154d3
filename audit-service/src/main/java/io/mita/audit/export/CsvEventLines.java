package io.mita.audit.export;

import io.mita.audit.query.StoredAuditEvent;
import java.time.Instant;

/**
 * The CSV export: a header row, then one record per event with the fields of the search API in the same order,
 * {@code data} as its JSON text in one cell. Records end in CRLF (RFC 4180); every cell goes through
 * {@link CsvCells}.
 */
final class CsvEventLines implements EventLines {

    static final String HEADER =
            "eventId,source,type,subject,actorId,correlationId,occurredAt,receivedAt," + "personalDataErased,data\r\n";

    @Override
    public String header() {
        return HEADER;
    }

    @Override
    public String line(StoredAuditEvent event) {
        StringBuilder line = new StringBuilder(
                256 + (event.dataJson() == null ? 0 : event.dataJson().length()));
        CsvCells.append(line, event.eventId().toString());
        cell(line, event.source());
        cell(line, event.type());
        cell(line, event.subject());
        cell(line, event.actorId());
        cell(line, event.correlationId());
        cell(line, text(event.occurredAt()));
        cell(line, text(event.receivedAt()));
        cell(line, Boolean.toString(event.personalDataErased()));
        cell(line, event.dataJson());
        return line.append("\r\n").toString();
    }

    private static void cell(StringBuilder line, String value) {
        CsvCells.append(line.append(','), value);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

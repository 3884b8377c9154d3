package io.mita.audit.export;

import java.util.Locale;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** The file formats of an audit export: CSV (RFC 4180, with a header row) or NDJSON (one JSON object a line). */
enum ExportFormat {
    CSV(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), "csv"),
    NDJSON(MediaType.APPLICATION_NDJSON, "ndjson");

    private final MediaType mediaType;
    private final String extension;

    ExportFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    EventLines lines(JsonMapper jsonMapper) {
        return this == CSV ? new CsvEventLines() : new NdjsonEventLines(jsonMapper);
    }

    /** {@code csv} (also when not given) or {@code ndjson}, in any case; anything else is 400. */
    static ExportFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return CSV;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "ndjson" -> NDJSON;
            default -> throw new InvalidExportFormatException(value);
        };
    }
}

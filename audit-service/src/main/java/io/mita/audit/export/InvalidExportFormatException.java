package io.mita.audit.export;

import io.mita.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

class InvalidExportFormatException extends ProblemException {

    InvalidExportFormatException(String format) {
        super(
                HttpStatus.BAD_REQUEST,
                "AUDIT_INVALID_EXPORT_FORMAT",
                "Unsupported export format",
                "'format' must be csv or ndjson, not '" + abbreviated(format) + "'.");
    }

    private static String abbreviated(String format) {
        return format.length() <= 20 ? format : format.substring(0, 20) + "...";
    }
}

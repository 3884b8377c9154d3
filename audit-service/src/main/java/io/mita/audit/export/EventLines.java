package io.mita.audit.export;

import io.mita.audit.query.StoredAuditEvent;

/** How one export format writes the audit log: an optional first line, then one line per event. */
interface EventLines {

    /** The file's first line with its line end, or the empty string when the format has none. */
    String header();

    /** One event as one line, with its line end. */
    String line(StoredAuditEvent event);
}

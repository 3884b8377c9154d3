package io.mita.audit.query;

import java.util.List;

/** A page of audit events, newest first; {@code nextCursor} is {@code null} on the last page. */
record AuditEventPageResponse(List<AuditEventResponse> items, String nextCursor) {}

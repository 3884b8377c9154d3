package io.mita.audit.trail;

import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Who looked at what in the audit log (issue 13): every query, read, export and integrity check is itself recorded
 * as an audit event ({@code mita.audit.log.accessed.v1}, subject and actor = the caller), in the same chain, before
 * the answer is given. If it cannot be recorded, the request fails: no unrecorded access.
 */
public interface AccessTrail {

    String TYPE = "mita.audit.log.accessed.v1";

    /** Records that {@code userId} performed {@code action} with {@code details} (the filters, the event id ...). */
    Mono<Void> record(UUID userId, String action, Map<String, String> details);
}

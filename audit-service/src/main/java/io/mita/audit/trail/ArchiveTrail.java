package io.mita.audit.trail;

import reactor.core.publisher.Mono;

/**
 * What retention took out of the database (issue 13): every archived and dropped month is itself recorded in the
 * log ({@code mita.audit.log.archived.v1}), in the same chain, in the transaction that drops the month.
 */
public interface ArchiveTrail {

    String TYPE = "mita.audit.log.archived.v1";

    /** Who archives: the service itself (subject and actor of the record). */
    String ARCHIVER = "audit-service:retention";

    Mono<Void> archived(LogArchived archived);
}

package io.mita.audit.trail;

import java.util.List;

/**
 * The data of a {@value ArchiveTrail#TYPE} record: which month left the database, how many records it held, the
 * chain it spans (first and last seq, last hash: where the chain resumes), the archive and manifest files with the
 * archive's SHA-256, and the partitions dropped. Stored by audit-service in its own chain, never published on Kafka
 * (golden file {@code docs/events/mita.audit.log.archived.v1.json}).
 */
public record LogArchived(
        String month,
        long records,
        Long firstSeq,
        Long lastSeq,
        String lastHash,
        String archiveFile,
        String archiveSha256,
        String manifestFile,
        List<String> partitionsDropped) {}

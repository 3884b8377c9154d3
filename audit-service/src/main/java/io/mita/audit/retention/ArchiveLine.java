package io.mita.audit.retention;

import io.mita.audit.chain.ChainHash;
import io.mita.audit.chain.ChainedRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One line of an archive (NDJSON): an {@code audit_event} row exactly as the chain hashed it, and its chain link.
 * Every field is the canonical text of its column (docs/audit.md, "The hash chain"): times as whole microseconds
 * since the epoch, {@code data} as PostgreSQL's text of the jsonb value (a string, never re-serialised), {@code
 * emailHashes} comma-joined, {@code sealedData} lower-case hex; {@code prevHash} and {@code hash} lower-case hex.
 * Anyone can recompute {@code hash = SHA-256(prevHash ‖ canonical bytes)} from it without this code.
 */
public record ArchiveLine(
        long seq,
        UUID eventId,
        String source,
        String type,
        String subject,
        String actorId,
        String correlationId,
        long occurredAtMicros,
        long receivedAtMicros,
        String topic,
        int partition,
        long kafkaOffset,
        String data,
        String emailHashes,
        String sealedData,
        String prevHash,
        String hash) {

    static ArchiveLine of(ChainedRecord record, byte[] prevHash, byte[] hash) {
        return new ArchiveLine(
                record.seq(),
                record.eventId(),
                record.source(),
                record.type(),
                record.subject(),
                record.actorId(),
                record.correlationId(),
                micros(record.occurredAt()),
                micros(record.receivedAt()),
                record.topic(),
                record.partition(),
                record.kafkaOffset(),
                record.dataJson(),
                record.emailHashes(),
                record.sealedDataHex(),
                ChainHash.hex(prevHash),
                ChainHash.hex(hash));
    }

    /** The record the chain hashes. */
    ChainedRecord record() {
        return new ChainedRecord(
                seq,
                eventId,
                source,
                type,
                subject,
                actorId,
                correlationId,
                instant(occurredAtMicros),
                instant(receivedAtMicros),
                topic,
                partition,
                kafkaOffset,
                data,
                emailHashes,
                sealedData);
    }

    byte[] prevHashBytes() {
        return HexFormat.of().parseHex(prevHash);
    }

    byte[] hashBytes() {
        return HexFormat.of().parseHex(hash);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}

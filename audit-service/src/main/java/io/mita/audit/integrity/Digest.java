package io.mita.audit.integrity;

import io.mita.audit.chain.ChainHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A signed digest of the chain: its head ({@code lastSeq}, {@code lastHash}; no seq and 32 zero bytes while the
 * chain is empty), the records that joined it since the previous digest ({@code firstSeq}, {@code eventCount}),
 * the period it closes, and the previous digest's signature, so that digests chain as well. {@link #message()} is
 * what the signature covers (docs/audit.md spells it out for offline verifiers; the retention archive's manifest
 * carries the digests covering its month).
 */
public record Digest(
        Long digestId,
        Instant periodStart,
        Instant periodEnd,
        Long firstSeq,
        Long lastSeq,
        long eventCount,
        byte[] lastHash,
        byte[] previousSignature,
        String keyId,
        byte[] signature) {

    public static final String VERSION = "mita-audit-digest/v1";

    public byte[] message() {
        String text = VERSION + "\n"
                + "period_start=" + micros(periodStart) + "\n"
                + "period_end=" + micros(periodEnd) + "\n"
                + "first_seq=" + (firstSeq == null ? "" : firstSeq) + "\n"
                + "last_seq=" + (lastSeq == null ? "" : lastSeq) + "\n"
                + "event_count=" + eventCount + "\n"
                + "last_hash=" + ChainHash.hex(lastHash) + "\n"
                + "previous_signature=" + (previousSignature == null ? "" : ChainHash.hex(previousSignature)) + "\n"
                + "key_id=" + keyId + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    Digest signed(Long id, byte[] signatureBytes) {
        return new Digest(
                id,
                periodStart,
                periodEnd,
                firstSeq,
                lastSeq,
                eventCount,
                lastHash,
                previousSignature,
                keyId,
                signatureBytes);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}

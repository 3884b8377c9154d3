package io.mita.audit.retention;

import io.mita.audit.chain.ChainHash;
import io.mita.audit.integrity.Digest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * A signed digest as the manifest carries it: every field of the signed message (docs/audit.md, "Signed digests"),
 * times in microseconds since the epoch, bytes in lower-case hex.
 */
public record ManifestDigest(
        long digestId,
        long periodStartMicros,
        long periodEndMicros,
        Long firstSeq,
        Long lastSeq,
        long eventCount,
        String lastHash,
        String previousSignature,
        String keyId,
        String signature) {

    static ManifestDigest of(Digest digest) {
        return new ManifestDigest(
                digest.digestId(),
                ChronoUnit.MICROS.between(Instant.EPOCH, digest.periodStart()),
                ChronoUnit.MICROS.between(Instant.EPOCH, digest.periodEnd()),
                digest.firstSeq(),
                digest.lastSeq(),
                digest.eventCount(),
                ChainHash.hex(digest.lastHash()),
                ChainHash.hex(digest.previousSignature()),
                digest.keyId(),
                ChainHash.hex(digest.signature()));
    }

    Digest digest() {
        return new Digest(
                digestId,
                Instant.EPOCH.plus(periodStartMicros, ChronoUnit.MICROS),
                Instant.EPOCH.plus(periodEndMicros, ChronoUnit.MICROS),
                firstSeq,
                lastSeq,
                eventCount,
                bytes(lastHash),
                bytes(previousSignature),
                keyId,
                bytes(signature));
    }

    private static byte[] bytes(String hex) {
        return hex == null ? null : HexFormat.of().parseHex(hex);
    }
}

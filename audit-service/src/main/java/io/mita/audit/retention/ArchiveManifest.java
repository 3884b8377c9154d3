package io.mita.audit.retention;

import io.mita.audit.chain.ChainCut;
import io.mita.audit.chain.ChainHash;
import java.util.HexFormat;
import java.util.List;

/**
 * The manifest written next to a month's archive ({@code audit-<yyyy-MM>.manifest.json}): the month, how many
 * records, their first and last seq and hash, the hash the first record chains to ({@code previousHash}), the
 * SHA-256 of the archive file, the signed digests that cover the month (and the first one after it, which seals
 * its end), and the Ed25519 {@code signature} of the cut ({@link ChainCut#message()}), hex. Hashes are lower-case
 * hex; {@code firstSeq}, {@code lastSeq}, {@code firstHash} and {@code lastHash} are null for a month without records.
 */
public record ArchiveManifest(
        String format,
        String month,
        String archiveFile,
        String archiveSha256,
        long recordCount,
        Long firstSeq,
        Long lastSeq,
        String previousHash,
        String firstHash,
        String lastHash,
        String keyId,
        String signature,
        List<ManifestDigest> digests,
        String createdAt) {

    static ArchiveManifest of(
            ChainCut cut,
            byte[] signature,
            String archiveFile,
            byte[] firstHash,
            List<ManifestDigest> digests,
            String createdAt) {
        return new ArchiveManifest(
                ChainCut.VERSION,
                cut.month(),
                archiveFile,
                ChainHash.hex(cut.archiveSha256()),
                cut.recordCount(),
                cut.firstSeq(),
                cut.lastSeq(),
                ChainHash.hex(cut.previousHash()),
                cut.firstSeq() == null ? null : ChainHash.hex(firstHash),
                cut.firstSeq() == null ? null : ChainHash.hex(cut.lastHash()),
                cut.keyId(),
                ChainHash.hex(signature),
                digests,
                createdAt);
    }

    /** The cut this manifest signs; for a month without records the last hash is the previous one. */
    ChainCut cut() {
        return new ChainCut(
                month,
                firstSeq,
                lastSeq,
                recordCount,
                bytes(previousHash),
                lastHash == null ? bytes(previousHash) : bytes(lastHash),
                bytes(archiveSha256),
                keyId);
    }

    byte[] signatureBytes() {
        return bytes(signature);
    }

    private static byte[] bytes(String hex) {
        return hex == null ? null : HexFormat.of().parseHex(hex);
    }
}

package io.mita.audit.chain;

import java.nio.charset.StandardCharsets;

/**
 * Where retention cut the chain: one archived month ({@code yyyy-MM}, UTC), its records' seq range ({@code null}s
 * for a month without records), how many there were, the hash its first record chains to ({@code previousHash}),
 * the hash of its last record ({@code lastHash}: the first record left in the database chains to it), and the
 * SHA-256 of the archive file. Signed with the digests' Ed25519 key over {@link #message()}: the archive's manifest
 * carries that signature, and the database keeps it as the anchor the integrity check starts from (docs/audit.md,
 * "Retention").
 */
public record ChainCut(
        String month,
        Long firstSeq,
        Long lastSeq,
        long recordCount,
        byte[] previousHash,
        byte[] lastHash,
        byte[] archiveSha256,
        String keyId) {

    public static final String VERSION = "mita-audit-archive/v1";

    /** The UTF-8 text the signature covers, one {@code name=value} per line. */
    public byte[] message() {
        String text = VERSION + "\n"
                + "month=" + month + "\n"
                + "first_seq=" + (firstSeq == null ? "" : firstSeq) + "\n"
                + "last_seq=" + (lastSeq == null ? "" : lastSeq) + "\n"
                + "record_count=" + recordCount + "\n"
                + "previous_hash=" + ChainHash.hex(previousHash) + "\n"
                + "last_hash=" + ChainHash.hex(lastHash) + "\n"
                + "archive_sha256=" + ChainHash.hex(archiveSha256) + "\n"
                + "key_id=" + keyId + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.mita.audit.retention;

import io.mita.audit.chain.ChainCut;
import io.mita.audit.chain.ChainHash;
import io.mita.audit.integrity.Digest;
import io.mita.audit.integrity.DigestKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies an archive with nothing but the file, its manifest and the digests' public key (no database, no
 * service): recomputes the chain line by line from the manifest's previous hash and stops at the first broken line
 * ({@code MALFORMED}, {@code OUT_OF_ORDER}, {@code OUTSIDE_MONTH}, {@code CHAIN_BROKEN}: it does not follow the line
 * before it, a line was removed or inserted; {@code ALTERED}: it does not match its hash; {@code DIGEST_MISMATCH}:
 * the chain at a digest's head is not the signed hash, lines up to it were rewritten and rehashed; {@code MISSING}:
 * the file ends before the manifest's last record); then checks the count and last hash against the manifest,
 * the file's SHA-256, the manifest's Ed25519 signature, and every digest's signature, order and count.
 */
public final class ArchiveVerifier {

    /** The first broken line (1-based), the seq it holds if it could be read, and why. */
    public record BrokenLine(long line, Long seq, String problem, String detail) {}

    /** {@code intact} only when no line is broken and {@code problems} is empty. */
    public record Result(long linesVerified, BrokenLine firstBrokenLine, List<String> problems) {
        public boolean intact() {
            return firstBrokenLine == null && problems.isEmpty();
        }
    }

    private final JsonMapper json;

    public ArchiveVerifier(JsonMapper json) {
        this.json = json;
    }

    public ArchiveManifest readManifest(Path manifest) throws IOException {
        try {
            return json.readValue(Files.readAllBytes(manifest), ArchiveManifest.class);
        } catch (JacksonException e) {
            throw new IOException(
                    "the manifest " + manifest + " is not a readable manifest: " + e.getOriginalMessage(), e);
        }
    }

    public Result verify(Path archive, ArchiveManifest manifest, PublicKey publicKey) throws IOException {
        List<String> problems = new ArrayList<>();
        Walk walk = new Walk(manifest);
        byte[] fileHash = walk(archive, walk);
        if (walk.broken == null) {
            endOfFile(manifest, walk);
        }
        if (!Arrays.equals(fileHash, hex(manifest.archiveSha256()))) {
            problems.add("FILE_HASH_MISMATCH: the file's SHA-256 is " + ChainHash.hex(fileHash)
                    + ", the manifest signs " + manifest.archiveSha256());
        }
        signature(manifest, publicKey, problems);
        digests(manifest, publicKey, walk, problems);
        return new Result(walk.verified, walk.broken, List.copyOf(problems));
    }

    private static final class Walk {
        final ArchiveManifest manifest;
        final Map<Long, Digest> digestHeads = new HashMap<>();
        final Map<Long, Long> countAt = new HashMap<>();
        byte[] expected;
        long line;
        long verified;
        Long lastSeq;
        BrokenLine broken;

        Walk(ArchiveManifest manifest) {
            this.manifest = manifest;
            this.expected = hex(manifest.previousHash());
            for (ManifestDigest digest : manifest.digests() == null ? List.<ManifestDigest>of() : manifest.digests()) {
                if (digest.lastSeq() != null) {
                    digestHeads.putIfAbsent(digest.lastSeq(), digest.digest());
                }
            }
        }

        void brake(Long seq, String problem, String detail) {
            broken = new BrokenLine(line, seq, problem, detail);
        }
    }

    /** Reads every byte of the file (for its SHA-256) and walks the lines until the first broken one. */
    private byte[] walk(Path archive, Walk walk) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream file = new DigestInputStream(Files.newInputStream(archive), sha256)) {
            try {
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(file), StandardCharsets.UTF_8));
                String text;
                while (walk.broken == null && (text = lines.readLine()) != null) {
                    walk.line++;
                    line(text, walk);
                }
            } catch (IOException e) {
                if (walk.broken == null) {
                    walk.line++;
                    walk.brake(null, "UNREADABLE", "the file is not a complete gzip stream: " + e.getMessage());
                }
            }
            file.transferTo(OutputStream.nullOutputStream()); // the rest of the file still counts for its SHA-256
        }
        return sha256.digest();
    }

    private void line(String text, Walk walk) {
        ArchiveLine line;
        try {
            line = json.readValue(text, ArchiveLine.class);
        } catch (JacksonException | IllegalArgumentException e) {
            walk.brake(null, "MALFORMED", "not an archive line: " + e.getMessage());
            return;
        }
        if (line.prevHash() == null || line.hash() == null || line.eventId() == null) {
            walk.brake(line.seq(), "MALFORMED", "the line lacks its event id or chain link");
            return;
        }
        if (walk.lastSeq != null && line.seq() <= walk.lastSeq) {
            walk.brake(line.seq(), "OUT_OF_ORDER", "seq " + line.seq() + " after seq " + walk.lastSeq);
            return;
        }
        ArchiveManifest manifest = walk.manifest;
        if (manifest.firstSeq() == null || line.seq() < manifest.firstSeq() || line.seq() > manifest.lastSeq()) {
            walk.brake(
                    line.seq(),
                    "OUTSIDE_MONTH",
                    "seq " + line.seq() + " is outside the manifest's records " + manifest.firstSeq() + " to "
                            + manifest.lastSeq() + ": the line was inserted");
            return;
        }
        if (!Arrays.equals(line.prevHashBytes(), walk.expected)) {
            walk.brake(
                    line.seq(),
                    "CHAIN_BROKEN",
                    "the line does not follow the line before it: a line before it was removed, or it was inserted");
            return;
        }
        byte[] hash = ChainHash.next(walk.expected, line.record());
        if (!Arrays.equals(hash, line.hashBytes())) {
            walk.brake(line.seq(), "ALTERED", "the line does not match its hash: it was changed after it was archived");
            return;
        }
        Digest digest = walk.digestHeads.get(line.seq());
        if (digest != null && !Arrays.equals(hash, digest.lastHash())) {
            walk.brake(
                    line.seq(),
                    "DIGEST_MISMATCH",
                    "digest " + digest.digestId() + " signed another hash at this seq: the lines up to it were"
                            + " rewritten and their chain recomputed");
            return;
        }
        walk.expected = hash;
        walk.lastSeq = line.seq();
        walk.verified++;
        if (digest != null) {
            walk.countAt.put(line.seq(), walk.verified); // only at digest heads: memory stays constant per line
        }
    }

    private static void endOfFile(ArchiveManifest manifest, Walk walk) {
        if (walk.verified < manifest.recordCount()
                || (manifest.lastSeq() != null && !manifest.lastSeq().equals(walk.lastSeq))) {
            walk.line++;
            walk.brake(
                    null,
                    "MISSING",
                    "the file ends after " + walk.verified + " records, the manifest signs " + manifest.recordCount()
                            + " up to seq " + manifest.lastSeq() + ": lines were removed from the end");
            return;
        }
        if (walk.verified != manifest.recordCount()) {
            walk.brake(
                    walk.lastSeq,
                    "COUNT_MISMATCH",
                    walk.verified + " lines, the manifest signs " + manifest.recordCount());
            return;
        }
        byte[] signedLast = manifest.cut().lastHash();
        if (!Arrays.equals(walk.expected, signedLast)) {
            walk.brake(
                    walk.lastSeq,
                    "LAST_HASH_MISMATCH",
                    "the chain ends at " + ChainHash.hex(walk.expected) + ", the manifest signs "
                            + ChainHash.hex(signedLast) + ": lines were rewritten and their chain recomputed");
        }
    }

    private static void signature(ArchiveManifest manifest, PublicKey publicKey, List<String> problems) {
        String keyId = DigestKeys.keyId(publicKey);
        if (!keyId.equals(manifest.keyId())) {
            problems.add(
                    "UNKNOWN_KEY: the manifest names key " + manifest.keyId() + ", the public key given is " + keyId);
            return;
        }
        ChainCut cut = manifest.cut();
        if (!DigestKeys.verify(publicKey, cut.message(), manifest.signatureBytes())) {
            problems.add("BAD_SIGNATURE: the manifest's signature does not verify: it was changed after signing"
                    + " or signed with another key");
        }
    }

    private static void digests(ArchiveManifest manifest, PublicKey publicKey, Walk walk, List<String> problems) {
        List<ManifestDigest> digests = manifest.digests() == null ? List.of() : manifest.digests();
        String keyId = DigestKeys.keyId(publicKey);
        Digest previous = null;
        for (ManifestDigest entry : digests) {
            Digest digest = entry.digest();
            if (!keyId.equals(digest.keyId()) || !DigestKeys.verify(publicKey, digest.message(), digest.signature())) {
                problems.add(
                        "BAD_DIGEST_SIGNATURE: digest " + digest.digestId() + " does not verify with the key given");
            } else if (previous != null && !Arrays.equals(previous.signature(), digest.previousSignature())) {
                problems.add("DIGEST_MISSING: digest " + digest.digestId() + " does not follow digest "
                        + previous.digestId());
            } else {
                Long counted = previous == null || walk.broken != null ? null : counted(previous, digest, walk);
                if (counted != null && counted != digest.eventCount()) {
                    problems.add("DIGEST_COUNT_MISMATCH: digest " + digest.digestId() + " counts " + digest.eventCount()
                            + " records, the archive holds " + counted);
                }
            }
            previous = digest;
        }
        if (manifest.lastSeq() != null
                && (previous == null || previous.lastSeq() == null || previous.lastSeq() < manifest.lastSeq())) {
            problems.add("NOT_SEALED: no signed digest in the manifest reaches the month's last record (seq "
                    + manifest.lastSeq() + ")");
        }
    }

    /** Records between two digests' heads when both lie in the archive, else {@code null}. */
    private static Long counted(Digest previous, Digest digest, Walk walk) {
        if (previous.lastSeq() == null || digest.lastSeq() == null) {
            return null;
        }
        Long before = walk.countAt.get(previous.lastSeq());
        Long upTo = walk.countAt.get(digest.lastSeq());
        return before == null || upTo == null ? null : upTo - before;
    }

    private static byte[] hex(String value) {
        try {
            return value == null ? null : HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

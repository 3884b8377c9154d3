package io.mita.audit.retention;

import io.mita.audit.chain.ChainCut;
import io.mita.audit.chain.ChainHash;
import io.mita.audit.chain.ChainedRecord;
import io.mita.audit.integrity.Digest;
import io.mita.audit.integrity.DigestKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A month's archive written by the service's own writer, without a database: five records (seq 10, 20 ... 50, so
 * that a line can be slipped in between), chained from a previous hash, a digest whose head is seq 30 and one after
 * the month that seals its end, all signed with a fresh Ed25519 key.
 */
final class ArchiveFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Path archive;
    final Path manifest;
    final Path publicKey;
    final KeyPair keys;

    private ArchiveFixtures(Path archive, Path manifest, Path publicKey, KeyPair keys) {
        this.archive = archive;
        this.manifest = manifest;
        this.publicKey = publicKey;
        this.keys = keys;
    }

    static ArchiveFixtures aMonthArchivedIn(Path directory) {
        try {
            KeyPair keys = newKeyPair();
            String keyId = DigestKeys.keyId(keys.getPublic());
            byte[] previous = ChainHash.next(ChainHash.genesis(), record(1));
            Path target = directory.resolve("audit-2025-01.ndjson.gz");
            byte[] atThirty = null;
            ArchiveFile.Written written;
            try (ArchiveFile file = ArchiveFile.create(target, previous, JSON)) {
                byte[] head = previous;
                for (int i = 1; i <= 5; i++) {
                    ChainedRecord record = record(i * 10L);
                    byte[] hash = ChainHash.next(head, record);
                    file.append(ArchiveLine.of(record, head, hash));
                    head = hash;
                    if (i == 3) {
                        atThirty = hash;
                    }
                }
                written = file.finish();
            }
            Digest first = sign(keys, keyId, 1, 10L, 30L, 3, atThirty, null);
            byte[] afterTheMonth = ChainHash.next(written.lastHash(), record(60));
            Digest sealing = sign(keys, keyId, 2, 40L, 60L, 3, afterTheMonth, first.signature());
            ChainCut cut = new ChainCut("2025-01", 10L, 50L, 5, previous, written.lastHash(), written.sha256(), keyId);
            ArchiveManifest manifest = ArchiveManifest.of(
                    cut,
                    sign(keys, cut.message()),
                    target.getFileName().toString(),
                    written.firstHash(),
                    List.of(ManifestDigest.of(first), ManifestDigest.of(sealing)),
                    "2025-05-01T02:00:00Z");
            Path manifestFile = directory.resolve("audit-2025-01.manifest.json");
            Files.write(manifestFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            Path publicKey = directory.resolve("audit-public-key.pem");
            Files.writeString(
                    publicKey,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder()
                                    .encodeToString(keys.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n");
            return new ArchiveFixtures(target, manifestFile, publicKey, keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChainedRecord record(long seq) {
        Instant at = Instant.parse("2025-01-15T10:00:00.123456Z").plusSeconds(seq);
        return new ChainedRecord(
                seq,
                UUID.nameUUIDFromBytes(("event-" + seq).getBytes(StandardCharsets.UTF_8)),
                "/mita/budget",
                "mita.budget.transaction.created.v1",
                "user-" + seq % 3,
                "user-" + seq % 3,
                "correlation-" + seq,
                at,
                at.plusMillis(5),
                "mita.budget.v1",
                1,
                seq * 7,
                null,
                seq % 2 == 0 ? "aa11,bb22" : null,
                "00ff" + Long.toHexString(seq));
    }

    List<String> lines() {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            return new ArrayList<>(Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the archive with these lines (what someone with write access to the archive store could do). */
    void rewrite(List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.write(archive, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Digest sign(
            KeyPair keys,
            String keyId,
            long id,
            Long firstSeq,
            Long lastSeq,
            long count,
            byte[] lastHash,
            byte[] previousSignature) {
        Digest unsigned = digest(id, firstSeq, lastSeq, count, lastHash, previousSignature, keyId, null);
        return digest(id, firstSeq, lastSeq, count, lastHash, previousSignature, keyId, sign(keys, unsigned.message()));
    }

    private static Digest digest(
            long id,
            Long firstSeq,
            Long lastSeq,
            long count,
            byte[] lastHash,
            byte[] previousSignature,
            String keyId,
            byte[] signature) {
        return new Digest(
                id,
                Instant.parse("2025-01-15T10:00:00Z").plusSeconds(3600 * id),
                Instant.parse("2025-01-15T11:00:00Z").plusSeconds(3600 * id),
                firstSeq,
                lastSeq,
                count,
                lastHash,
                previousSignature,
                keyId,
                signature);
    }

    static byte[] sign(KeyPair keys, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.mita.audit.retention;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one month's archive: gzip-compressed NDJSON, one {@link ArchiveLine} per line in seq order, into
 * {@code <target>.part}, then synced to disk and renamed to {@code target} by {@link #finish()} (an interrupted
 * run leaves no file that looks complete). The SHA-256 of the file's bytes is computed while writing. Checks
 * that each line chains to the one before it, so a broken export never reaches the manifest.
 */
final class ArchiveFile implements AutoCloseable {

    /** What was written: the file, its SHA-256, the records and the chain they span. */
    record Written(
            Path file,
            byte[] sha256,
            long count,
            Long firstSeq,
            Long lastSeq,
            byte[] previousHash,
            byte[] firstHash,
            byte[] lastHash) {}

    private final Path target;
    private final Path part;
    private final JsonMapper json;
    private final MessageDigest sha256;
    private final BufferedWriter out;
    private final byte[] previousHash;
    private byte[] head;
    private long count;
    private Long firstSeq;
    private Long lastSeq;
    private byte[] firstHash;
    private boolean finished;

    /** {@code previousHash}: the hash the month's first record chains to (the chain's head before the month). */
    static ArchiveFile create(Path target, byte[] previousHash, JsonMapper json) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            return new ArchiveFile(target, previousHash, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the archive " + target, e);
        }
    }

    private ArchiveFile(Path target, byte[] previousHash, JsonMapper json) throws IOException {
        this.target = target;
        this.part = target.resolveSibling(target.getFileName() + ".part");
        this.json = json;
        this.previousHash = previousHash.clone();
        this.head = previousHash.clone();
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        FileOutputStream file = new FileOutputStream(part.toFile());
        this.out = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(new DigestOutputStream(file, sha256), 64 * 1024), StandardCharsets.UTF_8));
    }

    void append(ArchiveLine line) {
        if (lastSeq != null && line.seq() <= lastSeq) {
            throw new IllegalStateException(
                    "archive lines must come in seq order: " + line.seq() + " after " + lastSeq);
        }
        if (!Arrays.equals(line.prevHashBytes(), head)) {
            throw new IllegalStateException("the record at seq " + line.seq() + " does not chain to the one before it");
        }
        try {
            out.write(json.writeValueAsString(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive " + part, e);
        }
        head = line.hashBytes();
        if (firstSeq == null) {
            firstSeq = line.seq();
            firstHash = head;
        }
        lastSeq = line.seq();
        count++;
    }

    /** Closes the gzip stream, syncs the file and renames it into place. */
    Written finish() {
        try {
            out.close(); // writes the gzip trailer; the digest has seen every byte
            try (FileOutputStream sync = new FileOutputStream(part.toFile(), true)) {
                sync.getFD().sync();
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            finished = true;
            return new Written(target, sha256.digest(), count, firstSeq, lastSeq, previousHash, firstHash, head);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the archive " + target, e);
        }
    }

    /** An unfinished archive is removed. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            // the partial file is deleted below anyway
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished archive " + part, e);
        }
    }
}

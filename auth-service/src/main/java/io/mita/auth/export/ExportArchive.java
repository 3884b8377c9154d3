package io.mita.auth.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP a user downloads: one entry per file added ({@code auth.json}, {@code <service>.json}), then
 * {@code manifest.json} listing each entry's name, size and SHA-256, so the user (or a tool) can check that nothing
 * was cut. Written compressed (JSON shrinks about tenfold) into the stream given — the worker's
 * {@link ChunkingOutputStream}, which stores it chunk by chunk; the entries are copied from streams, so an entry is
 * never held uncompressed, nor the archive whole. No Spring, no I/O beyond the streams given.
 */
final class ExportArchive {

    static final String MANIFEST = "manifest.json";

    private final ZipOutputStream zip;
    private final List<Map<String, Object>> entries = new ArrayList<>();

    ExportArchive(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    /** Adds an entry copied from the stream; answers its SHA-256 (hex). */
    String add(String name, InputStream content) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            zip.putNextEntry(new ZipEntry(name));
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                zip.write(buffer, 0, n);
                sha256.update(buffer, 0, n);
                size += n;
            }
            zip.closeEntry();
            String hash = HexFormat.of().formatHex(sha256.digest());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("size", size);
            entry.put("sha256", hash);
            entries.add(entry);
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String add(String name, byte[] content) {
        return add(name, new java.io.ByteArrayInputStream(content));
    }

    /** The manifest's entries so far (name, size, sha256), in the order added. */
    List<Map<String, Object>> entries() {
        return List.copyOf(entries);
    }

    /** Writes the manifest (built by the caller from {@link #entries()}) and closes the archive and its stream. */
    void finish(byte[] manifest) {
        try {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest);
            zip.closeEntry();
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.mita.auth.export;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Cuts what is written into chunks of {@code chunkSize} bytes and hands each full chunk (and the last, shorter one on
 * {@link #close()}) to the sink with its sequence number, counting the size and the SHA-256 of the whole on the way:
 * the archive is never held in memory beyond one chunk.
 */
final class ChunkingOutputStream extends OutputStream {

    /** Receives chunk {@code seq}; may block (the stream is written off the event loop). */
    @FunctionalInterface
    interface ChunkSink {
        void accept(int seq, byte[] chunk) throws IOException;
    }

    private final ChunkSink sink;
    private final byte[] buffer;
    private final MessageDigest sha256;
    private int filled;
    private int seq;
    private long size;
    private boolean closed;

    ChunkingOutputStream(int chunkSize, ChunkSink sink) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.sink = sink;
        this.buffer = new byte[chunkSize];
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        sha256.update(bytes, offset, length);
        size += length;
        while (length > 0) {
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == buffer.length) {
                emit();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (filled > 0) {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        byte[] chunk = new byte[filled];
        System.arraycopy(buffer, 0, chunk, 0, filled);
        filled = 0;
        sink.accept(seq++, chunk);
    }

    long size() {
        return size;
    }

    int chunks() {
        return seq;
    }

    /** The SHA-256 (hex) of everything written; call once, after {@link #close()}. */
    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}

package io.mita.audit.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code hash = SHA-256(previous hash || canonical bytes of the record)}; the first record follows 32 zero bytes. */
public final class ChainHash {

    public static final int LENGTH = 32;

    private static final byte[] GENESIS = new byte[LENGTH];

    private ChainHash() {}

    /** The previous hash of the very first record of the chain. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    public static byte[] next(byte[] previousHash, ChainedRecord record) {
        return next(previousHash, record.canonicalBytes());
    }

    /** The hash of a record whose canonical bytes are already built ({@link ChainedRecord#CANONICAL_BYTES_SQL}). */
    public static byte[] next(byte[] previousHash, byte[] canonicalBytes) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash);
        sha256.update(canonicalBytes);
        return sha256.digest();
    }

    /**
     * A chain of {@link #next} computations on one thread, reusing one {@link MessageDigest} (looked up once instead of
     * per record): the integrity walk hashes thousands of records a chunk. Not thread-safe.
     */
    public static Hasher hasher() {
        return new Hasher(sha256());
    }

    /** See {@link #hasher()}. */
    public static final class Hasher {

        private final MessageDigest sha256;

        private Hasher(MessageDigest sha256) {
            this.sha256 = sha256;
        }

        /** The same as {@link ChainHash#next(byte[], byte[])}. */
        public byte[] next(byte[] previousHash, byte[] canonicalBytes) {
            sha256.update(previousHash);
            sha256.update(canonicalBytes);
            return sha256.digest();
        }
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

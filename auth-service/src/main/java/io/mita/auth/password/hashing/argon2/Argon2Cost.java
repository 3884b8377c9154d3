package io.mita.auth.password.hashing.argon2;

/**
 * The parameters of one Argon2id computation (RFC 9106, version 0x13): memory in KiB, passes over it,
 * lanes, and the length of the tag in bytes. A PHC string carries them, so a hash made with other
 * parameters still verifies.
 */
public record Argon2Cost(int memoryKib, int iterations, int parallelism, int hashLength) {

    public Argon2Cost {
        if (parallelism < 1 || parallelism > 0xFFFFFF) {
            throw new IllegalArgumentException("Argon2 parallelism must be 1..16777215, not " + parallelism);
        }
        if (memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 memory must be at least 8 KiB per lane, not " + memoryKib);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("Argon2 needs at least one pass, not " + iterations);
        }
        if (hashLength < 4) {
            throw new IllegalArgumentException("Argon2 tags are at least 4 bytes, not " + hashLength);
        }
    }

    /** Memory blocks of 1 KiB actually used: a multiple of 4 per lane (RFC 9106 §3.2, m'). */
    int blockCount() {
        return 4 * parallelism * (memoryKib / (4 * parallelism));
    }

    /** The 64-bit words of working memory this cost needs. */
    public int memoryWords() {
        return blockCount() * Argon2Block.WORDS;
    }
}

package io.mita.auth.password.hashing.argon2;

/**
 * Argon2's compression function G over 1 KiB blocks held as 128 little-endian 64-bit words inside one
 * flat {@code long[]} (RFC 9106 §3.5–3.6): the BlaMka variant of BLAKE2b's round, applied to the eight
 * rows and then to the eight columns of the block seen as an 8×8 matrix of 16-byte registers.
 * Holds two scratch blocks, so one instance serves one thread.
 */
final class Argon2Block {

    static final int WORDS = 128;

    /** R = X xor Y, permuted in place into Z = P(R). */
    private final long[] work = new long[WORDS];
    /** R, or R xor the block being overwritten: what Z is xored with to give the result. */
    private final long[] keep = new long[WORDS];

    /**
     * {@code out = G(x, y)}, or {@code out ^= G(x, y)} when {@code xorIntoOut} (passes after the first). Each
     * block is named by its array and word offset; {@code out} may be {@code x} or {@code y}.
     */
    void compress(long[] xs, int x, long[] ys, int y, long[] outs, int out, boolean xorIntoOut) {
        long[] work = this.work;
        long[] keep = this.keep;
        for (int i = 0; i < WORDS; i++) {
            long v = xs[x + i] ^ ys[y + i];
            work[i] = v;
            keep[i] = xorIntoOut ? v ^ outs[out + i] : v;
        }
        for (int row = 0; row < 8; row++) {
            int b = 16 * row;
            round(
                    work, b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11, b + 12,
                    b + 13, b + 14, b + 15);
        }
        for (int column = 0; column < 8; column++) {
            int b = 2 * column;
            round(
                    work, b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80, b + 81,
                    b + 96, b + 97, b + 112, b + 113);
        }
        for (int i = 0; i < WORDS; i++) {
            outs[out + i] = work[i] ^ keep[i];
        }
    }

    private static void round(
            long[] v,
            int i0,
            int i1,
            int i2,
            int i3,
            int i4,
            int i5,
            int i6,
            int i7,
            int i8,
            int i9,
            int i10,
            int i11,
            int i12,
            int i13,
            int i14,
            int i15) {
        mix(v, i0, i4, i8, i12);
        mix(v, i1, i5, i9, i13);
        mix(v, i2, i6, i10, i14);
        mix(v, i3, i7, i11, i15);
        mix(v, i0, i5, i10, i15);
        mix(v, i1, i6, i11, i12);
        mix(v, i2, i7, i8, i13);
        mix(v, i3, i4, i9, i14);
    }

    private static void mix(long[] v, int ia, int ib, int ic, int id) {
        long a = v[ia];
        long b = v[ib];
        long c = v[ic];
        long d = v[id];
        a = blaMka(a, b);
        d = Long.rotateRight(d ^ a, 32);
        c = blaMka(c, d);
        b = Long.rotateRight(b ^ c, 24);
        a = blaMka(a, b);
        d = Long.rotateRight(d ^ a, 16);
        c = blaMka(c, d);
        b = Long.rotateRight(b ^ c, 63);
        v[ia] = a;
        v[ib] = b;
        v[ic] = c;
        v[id] = d;
    }

    private static long blaMka(long x, long y) {
        return x + y + 2 * (x & 0xFFFFFFFFL) * (y & 0xFFFFFFFFL);
    }
}

package io.mita.auth.password.hashing.argon2;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2id, version 0x13, as RFC 9106 specifies it, computed in a caller-provided {@link Workspace} so the
 * 19 MiB of working memory a password hash needs is allocated once per hashing thread, not once per
 * hash (Bouncy Castle's generator allocates ~19,000 objects per hash, which under load filled the old
 * generation and cost more in full garbage collections than the hashing itself). BLAKE2b comes from
 * Bouncy Castle; the memory-hard part is here. Verified against RFC 9106's test vector and against
 * Bouncy Castle's implementation ({@code Argon2idTest}).
 */
public final class Argon2id {

    static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;
    private static final int SYNC_POINTS = 4;
    private static final int BLOCK_BYTES = Argon2Block.WORDS * 8;

    private Argon2id() {}

    /** The tag of {@code password} with {@code salt} (and an optional secret and associated data, else empty). */
    public static byte[] hash(
            byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Argon2Cost cost, Workspace workspace) {
        return new Run(cost, workspace).tag(initialHash(password, salt, secret, associatedData, cost));
    }

    public static byte[] hash(byte[] password, byte[] salt, Argon2Cost cost, Workspace workspace) {
        return hash(password, salt, new byte[0], new byte[0], cost, workspace);
    }

    /**
     * Working memory and scratch blocks for one computation at a time; reusable for any cost whose memory
     * fits, wiped by {@link #wipe()}.
     */
    public static final class Workspace {

        private final long[] memory;
        private final Argon2Block compression = new Argon2Block();
        private final long[] zero = new long[Argon2Block.WORDS];
        private final long[] input = new long[Argon2Block.WORDS];
        private final long[] addresses = new long[Argon2Block.WORDS];

        public Workspace(Argon2Cost cost) {
            this.memory = new long[cost.memoryWords()];
        }

        public boolean fits(Argon2Cost cost) {
            return cost.memoryWords() <= memory.length;
        }

        /** Overwrites everything derived from the last password with zeros. */
        public void wipe() {
            Arrays.fill(memory, 0L);
            Arrays.fill(input, 0L);
            Arrays.fill(addresses, 0L);
        }
    }

    /** One computation: the memory filled pass by pass, slice by slice, lane by lane (RFC 9106 §3.4). */
    private static final class Run {

        private final Argon2Cost cost;
        private final long[] memory;
        private final Workspace workspace;
        private final int lanes;
        private final int segmentLength;
        private final int laneLength;

        Run(Argon2Cost cost, Workspace workspace) {
            if (!workspace.fits(cost)) {
                throw new IllegalArgumentException("workspace too small for " + cost);
            }
            this.cost = cost;
            this.workspace = workspace;
            this.memory = workspace.memory;
            this.lanes = cost.parallelism();
            this.laneLength = cost.blockCount() / lanes;
            this.segmentLength = laneLength / SYNC_POINTS;
        }

        byte[] tag(byte[] h0) {
            fillFirstBlocks(h0);
            for (int pass = 0; pass < cost.iterations(); pass++) {
                for (int slice = 0; slice < SYNC_POINTS; slice++) {
                    for (int lane = 0; lane < lanes; lane++) {
                        fillSegment(pass, slice, lane);
                    }
                }
            }
            long[] last = new long[Argon2Block.WORDS];
            for (int lane = 0; lane < lanes; lane++) {
                int offset = blockOffset(lane * laneLength + laneLength - 1);
                for (int i = 0; i < Argon2Block.WORDS; i++) {
                    last[i] ^= memory[offset + i];
                }
            }
            return variableLengthHash(cost.hashLength(), toBytes(last));
        }

        private void fillFirstBlocks(byte[] h0) {
            byte[] seed = Arrays.copyOf(h0, h0.length + 8);
            for (int lane = 0; lane < lanes; lane++) {
                for (int column = 0; column < 2; column++) {
                    putInt(seed, h0.length, column);
                    putInt(seed, h0.length + 4, lane);
                    fromBytes(variableLengthHash(BLOCK_BYTES, seed), memory, blockOffset(lane * laneLength + column));
                }
            }
        }

        private void fillSegment(int pass, int slice, int lane) {
            boolean dataIndependent = pass == 0 && slice < SYNC_POINTS / 2;
            long[] addresses = workspace.addresses;
            int start = 0;
            if (dataIndependent) {
                long[] input = workspace.input;
                Arrays.fill(input, 0L);
                input[0] = pass;
                input[1] = lane;
                input[2] = slice;
                input[3] = cost.blockCount();
                input[4] = cost.iterations();
                input[5] = TYPE_ID;
            }
            if (pass == 0 && slice == 0) {
                start = 2;
                if (dataIndependent) {
                    nextAddresses();
                }
            }
            int current = lane * laneLength + slice * segmentLength + start;
            int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
            for (int index = start; index < segmentLength; index++, current++, previous++) {
                if (current % laneLength == 1) {
                    previous = current - 1;
                }
                long pseudoRandom;
                if (dataIndependent) {
                    if (index % Argon2Block.WORDS == 0) {
                        nextAddresses();
                    }
                    pseudoRandom = addresses[index % Argon2Block.WORDS];
                } else {
                    pseudoRandom = memory[blockOffset(previous)];
                }
                int referenceLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % lanes);
                int referenceIndex =
                        referenceIndex(pass, slice, index, pseudoRandom & 0xFFFFFFFFL, referenceLane == lane);
                workspace.compression.compress(
                        memory,
                        blockOffset(previous),
                        memory,
                        blockOffset(referenceLane * laneLength + referenceIndex),
                        memory,
                        blockOffset(current),
                        pass != 0);
            }
        }

        /** Next 128 pseudo-random words for data-independent addressing: G(0, G(0, input)) with a counter. */
        private void nextAddresses() {
            long[] input = workspace.input;
            long[] addresses = workspace.addresses;
            input[6]++;
            workspace.compression.compress(workspace.zero, 0, input, 0, addresses, 0, false);
            workspace.compression.compress(workspace.zero, 0, addresses, 0, addresses, 0, false);
        }

        /** The column in the reference lane (RFC 9106 §3.4.1.2), from the low 32 bits of the pseudo-random word. */
        private int referenceIndex(int pass, int slice, int index, long j1, boolean sameLane) {
            long area;
            if (pass == 0) {
                if (slice == 0) {
                    area = index - 1;
                } else if (sameLane) {
                    area = (long) slice * segmentLength + index - 1;
                } else {
                    area = (long) slice * segmentLength + (index == 0 ? -1 : 0);
                }
            } else if (sameLane) {
                area = laneLength - segmentLength + index - 1;
            } else {
                area = laneLength - segmentLength + (index == 0 ? -1 : 0);
            }
            long x = (j1 * j1) >>> 32;
            long relative = area - 1 - ((area * x) >>> 32);
            long startPosition = pass != 0 && slice != SYNC_POINTS - 1 ? (long) (slice + 1) * segmentLength : 0;
            return (int) ((startPosition + relative) % laneLength);
        }
    }

    /** H0 (RFC 9106 §3.2): BLAKE2b-512 over the parameters and the inputs, each with its length. */
    private static byte[] initialHash(
            byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Argon2Cost cost) {
        Blake2bDigest digest = new Blake2bDigest(512);
        updateInt(digest, cost.parallelism());
        updateInt(digest, cost.hashLength());
        updateInt(digest, cost.memoryKib());
        updateInt(digest, cost.iterations());
        updateInt(digest, VERSION);
        updateInt(digest, TYPE_ID);
        for (byte[] input : new byte[][] {password, salt, secret, associatedData}) {
            updateInt(digest, input.length);
            digest.update(input, 0, input.length);
        }
        byte[] h0 = new byte[64];
        digest.doFinal(h0, 0);
        return h0;
    }

    /** H' (RFC 9106 §3.3): BLAKE2b stretched to any length. */
    static byte[] variableLengthHash(int length, byte[] input) {
        byte[] out = new byte[length];
        if (length <= 64) {
            Blake2bDigest digest = new Blake2bDigest(length * 8);
            updateInt(digest, length);
            digest.update(input, 0, input.length);
            digest.doFinal(out, 0);
            return out;
        }
        int rounds = (length + 31) / 32 - 2;
        byte[] v = new byte[64];
        Blake2bDigest digest = new Blake2bDigest(512);
        updateInt(digest, length);
        digest.update(input, 0, input.length);
        digest.doFinal(v, 0);
        System.arraycopy(v, 0, out, 0, 32);
        for (int i = 1; i < rounds; i++) {
            digest.update(v, 0, 64);
            digest.doFinal(v, 0);
            System.arraycopy(v, 0, out, 32 * i, 32);
        }
        int rest = length - 32 * rounds;
        Blake2bDigest last = new Blake2bDigest(rest * 8);
        last.update(v, 0, 64);
        last.doFinal(out, 32 * rounds);
        return out;
    }

    private static int blockOffset(int block) {
        return block * Argon2Block.WORDS;
    }

    private static void updateInt(Blake2bDigest digest, int value) {
        byte[] le = new byte[4];
        putInt(le, 0, value);
        digest.update(le, 0, 4);
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >>> 8);
        bytes[offset + 2] = (byte) (value >>> 16);
        bytes[offset + 3] = (byte) (value >>> 24);
    }

    private static void fromBytes(byte[] bytes, long[] words, int offset) {
        for (int i = 0; i < Argon2Block.WORDS; i++) {
            long word = 0;
            for (int b = 7; b >= 0; b--) {
                word = (word << 8) | (bytes[8 * i + b] & 0xFF);
            }
            words[offset + i] = word;
        }
    }

    private static byte[] toBytes(long[] words) {
        byte[] bytes = new byte[words.length * 8];
        for (int i = 0; i < words.length; i++) {
            for (int b = 0; b < 8; b++) {
                bytes[8 * i + b] = (byte) (words[i] >>> (8 * b));
            }
        }
        return bytes;
    }
}

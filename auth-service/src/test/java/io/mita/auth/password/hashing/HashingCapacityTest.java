package io.mita.auth.password.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashingCapacityTest {

    private static final long MIB = 1024 * 1024;
    private static final long PER_HASH = 19_456L * 1024;

    @Test
    void aSmallHeapCapsTheHashesWhateverTheCoreCount() {
        // the case: 160 MB heap, 8 cores, 19 MiB each — 8 at once would end the JVM
        assertThat(HashingCapacity.concurrentHashes(0, 160 * MIB, 8, PER_HASH)).isEqualTo(2);
        assertThat(HashingCapacity.concurrentHashes(0, 160 * MIB, 64, PER_HASH)).isEqualTo(2);
    }

    @Test
    void withEnoughMemoryItIsOneHashPerCpu() {
        assertThat(HashingCapacity.concurrentHashes(0, 384 * MIB, 2, PER_HASH)).isEqualTo(2);
        assertThat(HashingCapacity.concurrentHashes(0, 384 * MIB, 8, PER_HASH)).isEqualTo(5);
        assertThat(HashingCapacity.concurrentHashes(0, 4096 * MIB, 8, PER_HASH)).isEqualTo(8);
    }

    @Test
    void aConfiguredValueMayLowerTheCapButNeverRaiseItPastTheMemory() {
        assertThat(HashingCapacity.concurrentHashes(1, 384 * MIB, 8, PER_HASH)).isEqualTo(1);
        assertThat(HashingCapacity.concurrentHashes(16, 160 * MIB, 8, PER_HASH)).isEqualTo(2);
    }

    @Test
    void atLeastOneHashRunsEvenOnATinyHeap() {
        assertThat(HashingCapacity.concurrentHashes(0, 32 * MIB, 2, PER_HASH)).isEqualTo(1);
    }
}

package io.mita.auth.password.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashingCapacityTest {

    private static final long MIB = 1024 * 1024;
    private static final long PER_HASH = 19_456L * 1024;

    @Test
    void aTightContainerRunsOneHashAtATimeWhateverTheCoreCount() {
        // 512 MiB container, 384 MiB heap: nothing is left beside the heap and the reserve — never 8 at once
        assertThat(HashingCapacity.concurrentHashes(0, 512 * MIB, 384 * MIB, 8, PER_HASH))
                .isEqualTo(1);
        assertThat(HashingCapacity.concurrentHashes(0, 640 * MIB, 384 * MIB, 64, PER_HASH))
                .isEqualTo(3);
    }

    @Test
    void withEnoughMemoryItIsOneHashPerCpu() {
        assertThat(HashingCapacity.concurrentHashes(0, 1024 * MIB, 384 * MIB, 2, PER_HASH))
                .isEqualTo(2);
        assertThat(HashingCapacity.concurrentHashes(0, 1024 * MIB, 384 * MIB, 16, PER_HASH))
                .isEqualTo(13);
        assertThat(HashingCapacity.concurrentHashes(0, 24 * 1024 * MIB, 160 * MIB, 8, PER_HASH))
                .isEqualTo(8);
    }

    @Test
    void aConfiguredValueMayLowerTheCapButNeverRaiseItPastTheMemory() {
        assertThat(HashingCapacity.concurrentHashes(1, 1024 * MIB, 384 * MIB, 8, PER_HASH))
                .isEqualTo(1);
        assertThat(HashingCapacity.concurrentHashes(16, 640 * MIB, 384 * MIB, 8, PER_HASH))
                .isEqualTo(3);
    }

    @Test
    void atLeastOneHashRunsEvenWhenTheHeapTakesEverything() {
        assertThat(HashingCapacity.concurrentHashes(0, 256 * MIB, 384 * MIB, 2, PER_HASH))
                .isEqualTo(1);
    }

    @Test
    void anExplicitMaxRamLowersTheMemoryLimitTheOperatingSystemReports() {
        assertThat(HashingCapacity.memoryLimit(24 * 1024 * MIB, 768 * MIB)).isEqualTo(768 * MIB);
    }

    @Test
    void theDefaultMaxRamLeavesTheContainersLimitAsItIs() {
        assertThat(HashingCapacity.memoryLimit(512 * MIB, 128L * 1024 * 1024 * MIB))
                .isEqualTo(512 * MIB);
    }

    @Test
    void theProductionContainerOnASixteenCoreHostRunsSixHashesAtOnce() {
        // docker-compose.yml: mem_limit 768m, -Xmx384m → (768 − 384 − 128) / 2 = 128 MiB → 6 × 19 MiB
        assertThat(HashingCapacity.concurrentHashes(0, 768 * MIB, 384 * MIB, 16, PER_HASH))
                .isEqualTo(6);
    }
}

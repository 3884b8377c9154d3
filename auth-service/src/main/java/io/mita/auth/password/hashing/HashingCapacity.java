package io.mita.auth.password.hashing;

/**
 * How many Argon2id hashes may run at once: never more than the memory holds. Each running hash needs its
 * working memory ({@code m} KiB, 19 MiB here), which libargon2 allocates natively — outside the Java heap, inside
 * the process's (container's) memory limit. So the memory for hashes is what the limit leaves beside the maximum
 * heap and a reserve of {@value #NON_HEAP_RESERVE_MIB} MiB for metaspace, code cache, thread stacks and direct
 * buffers; at most half of that goes to hashes. Within it, one hash per CPU (more only queue for a core), and a
 * configured value may lower the cap but never raise it past the memory. Logins beyond the cap wait on the
 * hashing scheduler's queue; none allocates more.
 *
 * <p>Examples (19 MiB per hash): a 512 MiB container with {@code -Xmx384m} → (512 − 384 − 128) / 2 = 0 → 1 hash at
 * a time; a 1 GiB container with {@code -Xmx384m} → 256 MiB → 13, so one per CPU up to 13 CPUs; the local stack's
 * {@code -Xmx160m} on this 24 GiB machine → one per CPU.
 */
public final class HashingCapacity {

    public static final long NON_HEAP_RESERVE_MIB = 128;

    private static final long MIB = 1024 * 1024;

    private HashingCapacity() {}

    /**
     * @param configured   {@code MITA_AUTH_HASHING_CONCURRENCY}; 0 = as many as the CPUs and the memory allow
     * @param memoryLimit  the memory the process may use: the container's limit, else the machine's memory
     *                     ({@code OperatingSystemMXBean.getTotalMemorySize()}, container-aware)
     * @param maxHeap      the JVM's maximum heap ({@code -Xmx}, the {@code MaxHeapSize} option)
     * @param cpus         available processors
     * @param bytesPerHash the working memory of one hash
     */
    public static int concurrentHashes(int configured, long memoryLimit, long maxHeap, int cpus, long bytesPerHash) {
        long forHashes = Math.max(0, memoryLimit - maxHeap - NON_HEAP_RESERVE_MIB * MIB) / 2;
        int byMemory = (int) Math.max(1, Math.min(Integer.MAX_VALUE, forHashes / bytesPerHash));
        int wanted = configured > 0 ? configured : Math.max(1, cpus);
        return Math.min(wanted, byMemory);
    }

    /**
     * The memory the JVM believes it may use: the machine's (or container's) memory, lowered by an explicit
     * {@code -XX:MaxRAM}, exactly as the JVM's own heap ergonomics take {@code min(physical, MaxRAM)}.
     * {@code OperatingSystemMXBean.getTotalMemorySize()} reads the cgroup limit in a container but ignores
     * {@code MaxRAM}; honouring it lets an operator (and {@code ProductionHeapConcurrentLoginsIT}, which has no
     * container) give the process a memory budget without cgroups.
     *
     * @param totalMemory the memory the operating system reports (the container's limit inside one)
     * @param maxRam      the JVM's {@code MaxRAM} (128 GiB unless set)
     */
    public static long memoryLimit(long totalMemory, long maxRam) {
        return maxRam > 0 ? Math.min(totalMemory, maxRam) : totalMemory;
    }
}

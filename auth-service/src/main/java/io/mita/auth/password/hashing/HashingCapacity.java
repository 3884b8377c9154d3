package io.mita.auth.password.hashing;

/**
 * How many Argon2id hashes may run at once: never more than the memory holds. Each running hash needs its
 * working memory ({@code m} KiB, 19 MiB here) on the Java heap (the own implementation's pooled workspaces);
 * at most {@value #HEAP_SHARE_PERCENT} % of the maximum heap goes to them, the rest stays for requests, caches
 * and the estimator's dictionaries. Within that, one hash per CPU (more only queue for a core), and a configured
 * value may lower the cap but never raise it past the memory. Logins beyond the cap wait on the hashing
 * scheduler's queue; none allocates more.
 *
 * <p>Examples: {@code -Xmx160m} (local stack) → 40 MiB → 2 hashes on any number of cores; {@code -Xmx384m}
 * (containers) → 96 MiB → 5, so 2 on a 2-core host and 5 on an 8-core one.
 */
public final class HashingCapacity {

    public static final int HEAP_SHARE_PERCENT = 25;

    private HashingCapacity() {}

    /**
     * @param configured  {@code MITA_AUTH_HASHING_CONCURRENCY}; 0 = as many as the CPUs and the memory allow
     * @param maxHeap     the JVM's maximum heap ({@link Runtime#maxMemory()})
     * @param cpus        available processors
     * @param bytesPerHash the working memory of one hash
     */
    public static int concurrentHashes(int configured, long maxHeap, int cpus, long bytesPerHash) {
        int byMemory =
                (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxHeap * HEAP_SHARE_PERCENT / 100 / bytesPerHash));
        int wanted = configured > 0 ? configured : Math.max(1, cpus);
        return Math.min(wanted, byMemory);
    }
}

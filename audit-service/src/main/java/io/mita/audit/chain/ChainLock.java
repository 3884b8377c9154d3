package io.mita.audit.chain;

/**
 * The transaction-scoped advisory lock that serialises every append to the chain (and the signing of a digest
 * over its head): one writer at a time, whatever the number of service instances.
 */
public final class ChainLock {

    /** An arbitrary key of the audit database's own lock space. */
    public static final long KEY = 0x6d69746141756469L; // "mitaAudi"

    public static final String ACQUIRE = "SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(" + KEY + ")) AS l";

    /** The seq and hash ({@code bytea}) of the chain's last record, if the chain is not empty. */
    public static final String HEAD = "SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1";

    private ChainLock() {}
}

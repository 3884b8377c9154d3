package io.mita.audit.integrity;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer of an integrity check over the records received in [from, to) (open ends: the whole log):
 * {@code intact} only if every record matches its chain link and every digest of the period verifies. The first
 * broken record (in seq order) and the first broken digest are named.
 */
public record IntegrityReport(
        boolean intact,
        Instant from,
        Instant to,
        Long firstSeq,
        Long lastSeq,
        long recordsVerified,
        long digestsVerified,
        BrokenRecord firstBrokenRecord,
        BrokenDigest firstBrokenDigest) {

    /**
     * {@code problem}: {@code ALTERED} (content does not match its hash), {@code DELETED} (a chain link without its
     * record), {@code NOT_CHAINED} (a record without a chain link: written outside the service), {@code
     * CHAIN_BROKEN} (its link does not follow the previous one: a record before it was removed or inserted), {@code
     * CUT_NOT_SIGNED} (the retention cut the walk starts from is not signed by the service's key; {@code seq} is its
     * last archived seq, no event id).
     */
    public record BrokenRecord(long seq, UUID eventId, String problem, String detail) {}

    /**
     * {@code problem}: {@code BAD_SIGNATURE}, {@code UNKNOWN_KEY}, {@code DIGEST_MISSING} (its previous-signature
     * link does not match the digest before it), {@code CHAIN_MISMATCH} (the chain no longer has the signed hash at
     * the signed seq), {@code COUNT_MISMATCH}.
     */
    public record BrokenDigest(long digestId, Instant periodStart, Instant periodEnd, String problem, String detail) {}
}

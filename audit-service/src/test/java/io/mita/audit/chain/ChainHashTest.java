package io.mita.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The chain's canonical bytes and hashes against vectors computed outside Java (a few lines of Python in
 * docs/audit.md), so an offline verifier written from the documentation agrees with the service.
 */
class ChainHashTest {

    private static final ChainedRecord FIRST = new ChainedRecord(
            1,
            UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "/mita/test",
            "mita.test.thing.happened.v1",
            "user-1",
            null,
            "corr-1",
            Instant.parse("2026-01-02T03:04:05.123456Z"),
            Instant.parse("2026-01-02T03:04:06Z"),
            "mita.test.v1",
            0,
            42,
            "{\"n\": 1}",
            "aa,bb",
            "0a0b");

    private static final ChainedRecord SECOND = new ChainedRecord(
            2,
            UUID.fromString("00000000-0000-0000-0000-000000000002"),
            FIRST.source(),
            FIRST.type(),
            FIRST.subject(),
            FIRST.actorId(),
            FIRST.correlationId(),
            FIRST.occurredAt(),
            FIRST.receivedAt(),
            FIRST.topic(),
            FIRST.partition(),
            FIRST.kafkaOffset(),
            FIRST.dataJson(),
            FIRST.emailHashes(),
            FIRST.sealedDataHex());

    @Test
    void theCanonicalBytesAreEveryColumnLengthPrefixedWithMinusOneForNull() {
        assertThat(HexFormat.of().formatHex(FIRST.canonicalBytes()))
                .isEqualTo("00000001310000002430303030303030302d303030302d303030302d303030302d303030303030303030"
                        + "3030310000000a2f6d6974612f746573740000001b6d6974612e746573742e7468696e672e68617070656e"
                        + "65642e763100000006757365722d31ffffffff00000006636f72722d3100000010313736373332333034353132"
                        + "333435360000001031373637333233303436303030303030"
                        + "0000000c6d6974612e746573742e76310000000130000000023432000000087b226e223a20317d"
                        + "0000000561612c6262"
                        + "0000000430613062");
    }

    @Test
    void theFirstRecordFollowsThirtyTwoZeroBytesAndEachNextOneItsPredecessorsHash() {
        byte[] first = ChainHash.next(ChainHash.genesis(), FIRST);
        byte[] second = ChainHash.next(first, SECOND);

        assertThat(ChainHash.hex(first)).isEqualTo("d2b7635bd7f878f0db7fed8c35e35b25ad8f702e783dc14a306000c817b34be5");
        assertThat(ChainHash.hex(second)).isEqualTo("7d631dfd83a9c951c177a6edee6eb5a7d0af5429b24f2b3f2279b93f0b681475");
    }

    @Test
    void aReusedHasherGivesEachRecordTheSameHashAsAFreshComputation() {
        ChainHash.Hasher hasher = ChainHash.hasher();

        byte[] first = hasher.next(ChainHash.genesis(), FIRST.canonicalBytes());
        byte[] second = hasher.next(first, SECOND.canonicalBytes());

        assertThat(ChainHash.hex(first)).isEqualTo("d2b7635bd7f878f0db7fed8c35e35b25ad8f702e783dc14a306000c817b34be5");
        assertThat(ChainHash.hex(second)).isEqualTo("7d631dfd83a9c951c177a6edee6eb5a7d0af5429b24f2b3f2279b93f0b681475");
    }

    @Test
    void anyChangeToARecordChangesItsHash() {
        byte[] original = ChainHash.next(ChainHash.genesis(), FIRST);
        ChainedRecord nullInsteadOfEmpty = new ChainedRecord(
                FIRST.seq(),
                FIRST.eventId(),
                FIRST.source(),
                FIRST.type(),
                FIRST.subject(),
                "",
                FIRST.correlationId(),
                FIRST.occurredAt(),
                FIRST.receivedAt(),
                FIRST.topic(),
                FIRST.partition(),
                FIRST.kafkaOffset(),
                FIRST.dataJson(),
                FIRST.emailHashes(),
                FIRST.sealedDataHex());

        assertThat(ChainHash.next(ChainHash.genesis(), nullInsteadOfEmpty)).isNotEqualTo(original);
        assertThat(ChainHash.next(new byte[32], FIRST)).isEqualTo(original);
        byte[] otherPrevious = new byte[32];
        otherPrevious[31] = 1;
        assertThat(ChainHash.next(otherPrevious, FIRST)).isNotEqualTo(original);
    }
}

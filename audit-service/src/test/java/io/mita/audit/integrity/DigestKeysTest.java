package io.mita.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.audit.chain.ChainHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DigestKeysTest {

    static final String DEV_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIC5XvQVeUVBmCkBXLfcQJHE5fd7Pf2BVMjciwY3iqW30";
    static final String DEV_PUBLIC = "MCowBQYDK2VwAyEAAeKOQK0zhidtD36gB56C6mim3X/nWFwpDjiPpDKzrcM=";
    static final String OTHER_PUBLIC = "MCowBQYDK2VwAyEAB4Ke4mj5U5UNKUKFawM+rk3Pe/jyrHpOL/cHSOBQT8I=";

    @Test
    void aDigestSignedWithThePrivateKeyVerifiesWithThePublicOneAndNotOnceChanged() {
        DigestKeys keys = new DigestKeys(DEV_PRIVATE, DEV_PUBLIC);
        byte[] message = "mita-audit-digest/v1\nevent_count=3\n".getBytes(StandardCharsets.UTF_8);

        byte[] signature = keys.sign(message);

        assertThat(keys.verify(message, signature)).isTrue();
        assertThat(keys.verify("mita-audit-digest/v1\nevent_count=4\n".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(keys.verify(message, null)).isFalse();
        assertThat(keys.verify(message, new byte[] {1, 2, 3})).isFalse();
        assertThat(keys.keyId()).hasSize(16).matches("[0-9a-f]{16}");
    }

    @Test
    void aPublicKeyThatIsNotTheOtherHalfIsRefusedAtStartup() {
        assertThatThrownBy(() -> new DigestKeys(DEV_PRIVATE, OTHER_PUBLIC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the public half");
    }

    @Test
    void missingOrMalformedKeysAreRefusedAtStartup() {
        assertThatThrownBy(() -> new DigestKeys("", DEV_PUBLIC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Ed25519 private key");
        assertThatThrownBy(() -> new DigestKeys(DEV_PRIVATE, "not base64 !"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> new DigestKeys(DEV_PUBLIC, DEV_PUBLIC))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an Ed25519 key pair");
    }

    @Test
    void theSignedTextOfADigestIsEveryFieldOnItsOwnLine() {
        byte[] hash = new byte[32];
        hash[0] = (byte) 0xab;
        Digest digest = new Digest(
                7L,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T01:00:00.000001Z"),
                11L,
                20L,
                10,
                hash,
                null,
                "0123456789abcdef",
                null);

        assertThat(new String(digest.message(), StandardCharsets.UTF_8))
                .isEqualTo("mita-audit-digest/v1\n"
                        + "period_start=1767225600000000\n"
                        + "period_end=1767229200000001\n"
                        + "first_seq=11\n"
                        + "last_seq=20\n"
                        + "event_count=10\n"
                        + "last_hash=ab" + "00".repeat(31) + "\n"
                        + "previous_signature=\n"
                        + "key_id=0123456789abcdef\n");
        assertThat(ChainHash.hex(hash)).startsWith("ab00");
    }
}

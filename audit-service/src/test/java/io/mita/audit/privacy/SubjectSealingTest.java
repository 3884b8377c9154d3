package io.mita.audit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubjectSealingTest {

    private static final String MASTER =
            Base64.getEncoder().encodeToString("mita-audit-test-master-key-32byt".getBytes(StandardCharsets.UTF_8));
    private static final String OTHER_MASTER =
            Base64.getEncoder().encodeToString("another-master-key-of-32-bytes!!".getBytes(StandardCharsets.UTF_8));

    private final SubjectSealing sealing = new SubjectSealing(MASTER);

    @Test
    void dataSealedWithASubjectsKeyOpensWithTheSameKeyAndHoldsNoClearText() {
        byte[] key = sealing.newWrappedKey("user-1");
        UUID eventId = UUID.randomUUID();

        byte[] sealed = sealing.seal(key, "user-1", eventId, "{\"email\":\"j***@example.com\"}");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("example");
        assertThat(sealing.open(key, "user-1", eventId, sealed)).isEqualTo("{\"email\":\"j***@example.com\"}");
        assertThat(sealing.seal(key, "user-1", eventId, "{}"))
                .as("a fresh nonce every time")
                .isNotEqualTo(sealing.seal(key, "user-1", eventId, "{}"));
    }

    @Test
    void sealedDataDoesNotOpenWithAnotherSubjectsKeyAnotherEventIdOrAfterAnyChange() {
        byte[] key = sealing.newWrappedKey("user-1");
        byte[] otherKey = sealing.newWrappedKey("user-2");
        UUID eventId = UUID.randomUUID();
        byte[] sealed = sealing.seal(key, "user-1", eventId, "{\"n\":1}");
        byte[] changed = sealed.clone();
        changed[changed.length - 1] ^= 1;

        assertThatThrownBy(() -> sealing.open(otherKey, "user-2", eventId, sealed))
                .isInstanceOf(SubjectSealing.SealedDataException.class);
        assertThatThrownBy(() -> sealing.open(key, "user-1", UUID.randomUUID(), sealed))
                .isInstanceOf(SubjectSealing.SealedDataException.class);
        assertThatThrownBy(() -> sealing.open(key, "user-1", eventId, changed))
                .isInstanceOf(SubjectSealing.SealedDataException.class);
        assertThatThrownBy(() -> sealing.open(key, "user-1", eventId, new byte[5]))
                .isInstanceOf(SubjectSealing.SealedDataException.class);
    }

    @Test
    void aWrappedKeyOpensOnlyForItsSubjectUnderItsMasterKey() {
        byte[] key = sealing.newWrappedKey("user-1");
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> sealing.seal(key, "user-2", eventId, "{}"))
                .as("wrapped for another subject")
                .isInstanceOf(SubjectSealing.SealedDataException.class);
        assertThatThrownBy(() -> new SubjectSealing(OTHER_MASTER).seal(key, "user-1", eventId, "{}"))
                .as("another master key")
                .isInstanceOf(SubjectSealing.SealedDataException.class);
    }

    @Test
    void aMasterKeyThatIsNotThirtyTwoBase64BytesIsRefusedAtStartup() {
        assertThatThrownBy(() -> new SubjectSealing("c2hvcnQ="))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SubjectSealing("%%"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> new SubjectSealing((String) null)).isInstanceOf(IllegalStateException.class);
    }
}

package io.mita.gateway.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.testsupport.GoldenEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ErasedAccountsTest {

    private final Instant now = Instant.parse("2026-12-01T01:00:00Z");
    private final ErasedAccounts erased = new ErasedAccounts(Duration.ofMinutes(20), 100);

    @Test
    void anErasureWithinTheWindowIsRemembered() {
        erased.remember("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", now.minusSeconds(60), now);

        assertThat(erased.contains("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")).isTrue();
        assertThat(erased.contains(UUID.randomUUID().toString())).isFalse();
    }

    @Test
    void anErasureOlderThanAnyValidTokenIsLeftOut() {
        erased.remember("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b", now.minus(Duration.ofMinutes(21)), now);

        assertThat(erased.contains("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")).isFalse();
    }

    @Test
    void theGatewaysCopyReadsAuthServicesGoldenFile() {
        UserErased event = GoldenEvents.assertReads(UserErased.TYPE, UserErased.class, "erasedBy");

        assertThat(event.userId()).isEqualTo(UUID.fromString("6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"));
        assertThat(event.erasedAt()).isEqualTo(Instant.parse("2026-11-30T10:15:30Z"));
    }
}

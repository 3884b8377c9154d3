package io.mita.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.auth.InlineTransactions;
import io.mita.auth.MutableClock;
import io.mita.auth.RecordingOutbox;
import io.mita.auth.account.AccountFixtures;
import io.mita.auth.account.InMemoryUserAccounts;
import io.mita.auth.account.UnknownAccountAttempts;
import io.mita.auth.account.UserAccount;
import io.mita.auth.config.DevelopmentDefaults;
import io.mita.auth.secret.OpaqueToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asking for a reset e-mail with accounts and reset tokens in memory. {@code PasswordResetIT} proves the same
 * through Kafka to the recipient.
 */
class RequestPasswordResetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00.123Z"));
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final InMemoryPasswordResetTokens resetTokens = new InMemoryPasswordResetTokens();
    private final AccountFixtures.CountedUnknownAccountAttempts unknownAccounts =
            AccountFixtures.unknownAccountAttemptsInMemory();
    private final JsonMapper json = JsonMapper.builder().build();
    private final RequestPasswordReset requestReset = new RequestPasswordReset(
            accounts,
            resetTokens,
            unknownAccounts,
            new PasswordPublisher(outbox),
            new InlineTransactions(),
            new PasswordResetProperties(Duration.ofMinutes(30), DevelopmentDefaults.DELIVERY_KEY),
            json,
            clock);

    @Test
    void anExistingAccountGetsAUsableTokenSealedForNotificationServiceOnlyAndNoActor() throws Exception {
        UserAccount account = accounts.add("someone@example.com", "unused-hash", null);

        requestReset.request("  SomeOne@example.com").block();

        PasswordResetRequested event = outbox.payloads(PasswordResetRequested.TYPE, PasswordResetRequested.class)
                .get(0);
        assertThat(event.userId()).isEqualTo(account.id());
        assertThat(event.expiresAt()).isEqualTo(Instant.parse("2026-11-30T10:30:00Z"));
        assertThat(event.delivery()).doesNotContain("someone@example.com");
        assertThat(outbox.events().get(0).actorId())
                .as("whoever asked is unknown")
                .isNull();
        JsonNode delivery = json.readTree(new String(
                DeliveryCipher.fromBase64(DevelopmentDefaults.DELIVERY_KEY)
                        .open(event.delivery(), event.requestId().toString()),
                StandardCharsets.UTF_8));
        assertThat(delivery.get("email").asString()).isEqualTo("someone@example.com");
        String token = delivery.get("token").asString();
        assertThat(resetTokens.isUsable(OpaqueToken.hashOf(token), clock.instant()))
                .isTrue();
        assertThat(resetTokens.isUsable(OpaqueToken.hashOf(token), Instant.parse("2026-11-30T10:30:00Z")))
                .isFalse();
        assertThat(unknownAccounts.counted()).isEmpty();
    }

    @Test
    void anUnknownEmailStoresNoTokenPublishesNothingAndIsOnlyCountedForTheDay() {
        requestReset.request("nobody@example.com").block();

        assertThat(outbox.events()).isEmpty();
        assertThat(unknownAccounts.counted()).containsExactly(UnknownAccountAttempts.Kind.PASSWORD_RESET);
    }
}

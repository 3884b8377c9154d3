package io.mita.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mita.notification.config.NotificationProperties;
import io.mita.notification.feed.NotificationKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    final UnsubscribeTokens tokens = new UnsubscribeTokens(NotificationProperties.DEVELOPMENT_UNSUBSCRIBE_KEY);

    @Test
    void aTokenOpensToItsUserAndKind() {
        UUID user = UUID.randomUUID();
        UnsubscribeTokens.Unsubscription opened = tokens.open(tokens.issue(user, NotificationKind.GOAL_COMPLETED));
        assertThat(opened).isEqualTo(new UnsubscribeTokens.Unsubscription(user, NotificationKind.GOAL_COMPLETED));
    }

    @Test
    void aTokenForAnotherUserOrKindCannotBeMadeFromOne() {
        UUID user = UUID.randomUUID();
        String token = tokens.issue(user, NotificationKind.INSIGHT);
        String signature = token.substring(token.indexOf('.') + 1);
        String forged = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("u1:" + UUID.randomUUID() + ":INSIGHT").getBytes(StandardCharsets.UTF_8))
                + "." + signature;

        assertThatThrownBy(() -> tokens.open(forged)).isInstanceOf(InvalidUnsubscribeTokenException.class);
    }

    @Test
    void anotherKeysTokenIsRefused() {
        UnsubscribeTokens other = new UnsubscribeTokens(Base64.getEncoder().encodeToString(new byte[32]));
        String token = other.issue(UUID.randomUUID(), NotificationKind.WELCOME);
        assertThatThrownBy(() -> tokens.open(token)).isInstanceOf(InvalidUnsubscribeTokenException.class);
    }

    @Test
    void malformedTokensAreRefused() {
        for (String bad : new String[] {null, "", "abc", "a.b.c", "!!!.???", ".", "dTE6eDp5.AAAA"}) {
            assertThatThrownBy(() -> tokens.open(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(InvalidUnsubscribeTokenException.class);
        }
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new UnsubscribeTokens(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

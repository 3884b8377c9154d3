package io.mita.notification.preference;

import io.mita.notification.feed.NotificationKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One user's choices: which kinds go to which channel, the address for notification e-mail (none: no e-mail),
 * the language of the texts, the time zone and the quiet hours in it.
 */
public record NotificationPreferences(
        UUID userId,
        String email,
        String locale,
        ZoneId timeZone,
        QuietHours quietHours,
        Map<Channel, Set<NotificationKind>> channels) {

    public NotificationPreferences {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(timeZone, "timeZone");
        Map<Channel, Set<NotificationKind>> copy = new java.util.EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Set<NotificationKind> kinds = channels.get(channel);
            copy.put(channel, kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(kinds));
        }
        channels = Map.copyOf(copy);
    }

    /**
     * What a user who never chose gets: every kind in the app, e-mail for the kinds that matter without the app
     * open (once an address is given), no push.
     */
    public static NotificationPreferences defaults(UUID userId) {
        return new NotificationPreferences(
                userId,
                null,
                "en",
                ZoneId.of("UTC"),
                null,
                Map.of(
                        Channel.IN_APP, EnumSet.allOf(NotificationKind.class),
                        Channel.EMAIL,
                                EnumSet.of(
                                        NotificationKind.ACCOUNT_LOCKED,
                                        NotificationKind.WELCOME,
                                        NotificationKind.BUDGET_THRESHOLD,
                                        NotificationKind.GOAL_COMPLETED,
                                        NotificationKind.INSIGHT),
                        Channel.PUSH, Set.of()));
    }

    public boolean wants(Channel channel, NotificationKind kind) {
        return channels.get(channel).contains(kind);
    }

    /** E-mail goes out only to an address and for a kind the user wants by e-mail. */
    public boolean mails(NotificationKind kind) {
        return email != null && wants(Channel.EMAIL, kind);
    }

    /** When an e-mail made now may go: now, or the end of the quiet hours. */
    public Instant mailReleaseAt(Instant now) {
        return quietHours == null ? now : quietHours.releaseAt(now, timeZone);
    }

    /** The same preferences without e-mail for that kind (the unsubscribe link). */
    public NotificationPreferences withoutEmailFor(NotificationKind kind) {
        Map<Channel, Set<NotificationKind>> changed = new java.util.EnumMap<>(channels);
        Set<NotificationKind> email = EnumSet.noneOf(NotificationKind.class);
        email.addAll(channels.get(Channel.EMAIL));
        email.remove(kind);
        changed.put(Channel.EMAIL, email);
        return new NotificationPreferences(userId, this.email, locale, timeZone, quietHours, changed);
    }

    @Override
    public String toString() {
        return "NotificationPreferences[userId=" + userId + ", email=" + (email == null ? "none" : "set") + ", locale="
                + locale + ", timeZone=" + timeZone + ", quietHours=" + quietHours + ", channels=" + channels + "]";
    }
}

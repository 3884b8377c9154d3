package io.mita.notification.preference;

import io.mita.notification.feed.NotificationKind;
import io.r2dbc.spi.Readable;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Table {@code notification_preference}: one row per user who saved preferences; no row = the defaults. */
@Repository
public class PreferenceRepository {

    private final DatabaseClient database;

    PreferenceRepository(DatabaseClient database) {
        this.database = database;
    }

    /** The user's preferences, or the defaults when they never saved any. */
    public Mono<NotificationPreferences> find(UUID userId) {
        return database.sql("SELECT * FROM notification_preference WHERE user_id = :userId")
                .bind("userId", userId)
                .map(row -> read(userId, row))
                .one()
                .defaultIfEmpty(NotificationPreferences.defaults(userId));
    }

    Mono<NotificationPreferences> save(NotificationPreferences preferences) {
        var spec = database.sql("""
                        INSERT INTO notification_preference
                            (user_id, email, locale, time_zone, quiet_start, quiet_end, in_app_kinds, email_kinds, push_kinds, updated_at)
                        VALUES (:userId, :email, :locale, :timeZone, :quietStart, :quietEnd, :inApp, :email_kinds, :push, now())
                        ON CONFLICT (user_id) DO UPDATE SET
                            email = EXCLUDED.email, locale = EXCLUDED.locale, time_zone = EXCLUDED.time_zone,
                            quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end,
                            in_app_kinds = EXCLUDED.in_app_kinds, email_kinds = EXCLUDED.email_kinds,
                            push_kinds = EXCLUDED.push_kinds, updated_at = now()""")
                .bind("userId", preferences.userId())
                .bind("locale", preferences.locale())
                .bind("timeZone", preferences.timeZone().getId())
                .bind("inApp", names(preferences.channels().get(Channel.IN_APP)))
                .bind("email_kinds", names(preferences.channels().get(Channel.EMAIL)))
                .bind("push", names(preferences.channels().get(Channel.PUSH)));
        spec = preferences.email() == null
                ? spec.bindNull("email", String.class)
                : spec.bind("email", preferences.email());
        QuietHours quiet = preferences.quietHours();
        spec = quiet == null
                ? spec.bindNull("quietStart", LocalTime.class).bindNull("quietEnd", LocalTime.class)
                : spec.bind("quietStart", quiet.start()).bind("quietEnd", quiet.end());
        return spec.then().thenReturn(preferences);
    }

    private static String[] names(Set<NotificationKind> kinds) {
        return kinds.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static NotificationPreferences read(UUID userId, Readable row) {
        LocalTime start = row.get("quiet_start", LocalTime.class);
        LocalTime end = row.get("quiet_end", LocalTime.class);
        return new NotificationPreferences(
                userId,
                row.get("email", String.class),
                row.get("locale", String.class),
                ZoneId.of(row.get("time_zone", String.class)),
                start == null || end == null ? null : new QuietHours(start, end),
                Map.of(
                        Channel.IN_APP, kinds(row.get("in_app_kinds", String[].class)),
                        Channel.EMAIL, kinds(row.get("email_kinds", String[].class)),
                        Channel.PUSH, kinds(row.get("push_kinds", String[].class))));
    }

    /** Kinds this version knows; a name it does not know (a kind removed later) is left out. */
    private static Set<NotificationKind> kinds(String[] names) {
        Set<String> known =
                Arrays.stream(NotificationKind.values()).map(Enum::name).collect(Collectors.toSet());
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        if (names != null) {
            Arrays.stream(names)
                    .filter(known::contains)
                    .map(NotificationKind::valueOf)
                    .forEach(kinds::add);
        }
        return kinds;
    }
}

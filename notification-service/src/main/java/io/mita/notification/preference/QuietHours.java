package io.mita.notification.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily window, in the user's time zone, in which no e-mail is sent; it may span midnight (22:00–07:00).
 * Equal start and end mean no quiet time at all.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** {@code now} itself when it is outside the window, otherwise the instant the window ends. */
    public Instant releaseAt(Instant now, ZoneId zone) {
        if (start.equals(end)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        if (start.isBefore(end)) {
            // same-day window, e.g. 12:00–14:00
            if (!time.isBefore(start) && time.isBefore(end)) {
                return ZonedDateTime.of(today, end, zone).toInstant();
            }
            return now;
        }
        // spans midnight, e.g. 22:00–07:00
        if (!time.isBefore(start)) {
            return ZonedDateTime.of(today.plusDays(1), end, zone).toInstant();
        }
        if (time.isBefore(end)) {
            return ZonedDateTime.of(today, end, zone).toInstant();
        }
        return now;
    }
}

package io.mita.budget.transaction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Which dates a transaction may have happened on.
 *
 * <p>Decision: at most one day after today's date in UTC. The API has no time zone: a user east of UTC
 * (up to UTC+14) may already live on tomorrow's UTC date, so "today" on anyone's phone is never refused,
 * while real future dates are (what is planned belongs to a budget plan, not to the transactions that
 * happened). Not before 1900-01-01 either, which catches mistyped years.
 */
final class OccurredOnRule {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final String MESSAGE = "must be between 1900-01-01 and tomorrow (UTC)";

    private OccurredOnRule() {}

    static boolean accepts(LocalDate occurredOn, Clock clock) {
        LocalDate latest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        return !occurredOn.isBefore(EARLIEST) && !occurredOn.isAfter(latest);
    }
}

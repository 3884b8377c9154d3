package io.mita.budget.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The dashboard: today's safe-to-spend and the month to date (the calendar's planned month), the latest
 * transactions, the next goals and the habits' streaks. Everything is read by one statement whatever the user's
 * data ({@link StoredDashboards}: a stored dashboard or one statement; docs/budget.md, "Dashboard"); the arithmetic
 * is the calendar's ({@link DashboardBody#budget}). The answer is the JSON of {@link DashboardResponse}: the stored
 * dashboard's rendered parts behind the request's today, zone and month ({@link DashboardBody}).
 */
@Service
class DashboardService {

    static final int LATEST_TRANSACTIONS = 5;
    static final int NEXT_GOALS = 3;

    private final DashboardSources sources;
    private final DashboardBody body;
    private final Clock clock;

    DashboardService(DashboardSources sources, DashboardBody body, Clock clock) {
        this.sources = sources;
        this.body = body;
        this.clock = clock;
    }

    /** The caller's dashboard as of today in {@code zone}: the JSON bytes of a {@link DashboardResponse}. */
    Mono<byte[]> dashboard(UUID userId, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return sources.read(userId, new DashboardDay(today)).map(parts -> body.response(today, zone, parts));
    }
}

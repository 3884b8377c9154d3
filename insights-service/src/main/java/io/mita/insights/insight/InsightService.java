package io.mita.insights.insight;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads a user's insights of one month. */
@Service
class InsightService {

    private final Insights insights;
    private final Clock clock;

    @Autowired
    InsightService(Insights insights, ObjectProvider<Clock> clock) {
        this(insights, clock.getIfAvailable(Clock::systemUTC));
    }

    InsightService(Insights insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    /** The insights of {@code month} ({@code yyyy-MM}); without a month, of the current one (UTC). */
    Mono<InsightListResponse> ofMonth(UUID userId, String month) {
        return Mono.fromSupplier(() -> month == null ? YearMonth.now(clock) : parse(month))
                .flatMap(wanted -> insights.findByUserAndMonth(userId, wanted)
                        .collectList()
                        .map(items -> new InsightListResponse(wanted.toString(), items)));
    }

    static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidMonthException(month);
        }
    }
}

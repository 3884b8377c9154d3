package io.mita.insights.insight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads and dismisses a user's insights; only the owner's are ever found. */
@Service
class InsightService {

    private final Insights insights;
    private final Clock clock;

    InsightService(Insights insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    /** The insights of {@code month} ({@code yyyy-MM}) not dismissed; without a month, of the current one (UTC). */
    Mono<InsightListResponse> ofMonth(UUID userId, String month) {
        return Mono.fromSupplier(() -> month == null ? YearMonth.now(clock.withZone(ZoneOffset.UTC)) : parse(month))
                .flatMap(wanted -> insights.findByUserAndMonth(userId, wanted)
                        .collectList()
                        .map(items -> new InsightListResponse(wanted.toString(), items)));
    }

    Mono<InsightResponse> get(UUID userId, UUID id) {
        return insights.findOwned(id, userId).switchIfEmpty(Mono.error(() -> new InsightNotFoundException(id)));
    }

    /** Dismissed insights leave the month's list and are never announced again; dismissing twice is harmless. */
    Mono<InsightResponse> dismiss(UUID userId, UUID id) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        return insights.dismiss(id, userId, now).switchIfEmpty(Mono.error(() -> new InsightNotFoundException(id)));
    }

    static YearMonth parse(String month) {
        if (month.length() != 7) {
            throw new InvalidMonthException(month);
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidMonthException(month);
        }
    }
}

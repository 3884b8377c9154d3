package io.mita.insights.insight;

import java.time.YearMonth;
import java.util.UUID;
import reactor.core.publisher.Flux;

/** The stored insights of a user, newest first; the real store is {@link InsightRepository}. */
interface Insights {

    Flux<InsightResponse> findByUserAndMonth(UUID userId, YearMonth month);
}

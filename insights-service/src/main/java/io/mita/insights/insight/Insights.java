package io.mita.insights.insight;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A user's stored insights; the real store is {@link InsightRepository}. Only the owner's rows are ever found. */
interface Insights {

    /** The month's insights that are not dismissed, most severe first. */
    Flux<InsightResponse> findByUserAndMonth(UUID userId, YearMonth month);

    Mono<InsightResponse> findOwned(UUID id, UUID userId);

    /** Marks the insight dismissed (once; a second dismissal keeps the first time); empty when not the owner's. */
    Mono<InsightResponse> dismiss(UUID id, UUID userId, OffsetDateTime at);
}

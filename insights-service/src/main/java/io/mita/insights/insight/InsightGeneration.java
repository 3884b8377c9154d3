package io.mita.insights.insight;

import io.mita.insights.analysis.Insight;
import io.mita.insights.analysis.InsightAnalysis;
import io.mita.insights.analysis.Severity;
import io.mita.insights.narrative.Narrator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * (Re)generates the insights of one user-month from the projections: every kind of {@link InsightAnalysis} as of
 * today (the current month) or the month's last day (a past month; a future month has none), each with its
 * narrative ({@link Narrator}), computed outside any database transaction; then, in one transaction, stores them
 * if the claim still holds. An insight keeps its id across regenerations ({@link #idOf}: user, month, kind, key),
 * so a dismissal stays; insights no longer found are deleted. A HIGH insight that is new or was not HIGH before is
 * announced with {@code mita.insights.insight.generated.v1}, unless dismissed.
 */
@Service
class InsightGeneration {

    private final MonthFiguresReader figures;
    private final InsightRepository insights;
    private final InsightPublisher publisher;
    private final Narrator narrator;
    private final TransactionalOperator inTransaction;
    private final JsonMapper json;
    private final Clock clock;

    InsightGeneration(
            MonthFiguresReader figures,
            InsightRepository insights,
            InsightPublisher publisher,
            Narrator narrator,
            TransactionalOperator inTransaction,
            JsonMapper json,
            Clock clock) {
        this.figures = figures;
        this.insights = insights;
        this.publisher = publisher;
        this.narrator = narrator;
        this.inTransaction = inTransaction;
        this.json = json;
        this.clock = clock;
    }

    record Narrated(Insight insight, String narrative) {}

    /** Regenerates unconditionally; answers how many insights the month has now. */
    Mono<Integer> generate(UUID user, YearMonth month) {
        return generate(user, month, Mono.just(true));
    }

    /**
     * Regenerates; {@code claim} runs first inside the storing transaction and, answering false, leaves everything
     * as it was (another run did it, or the projections changed since they were read). Answers how many insights
     * were stored, 0 when the claim failed.
     */
    Mono<Integer> generate(UUID user, YearMonth month, Mono<Boolean> claim) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        YearMonth current = YearMonth.from(today);
        if (month.isAfter(current)) {
            return inTransaction.transactional(claim.thenReturn(0));
        }
        LocalDate asOf = month.equals(current) ? today : month.atEndOfMonth();
        return figures.read(user, month, asOf)
                .map(InsightAnalysis::analyse)
                .defaultIfEmpty(List.of())
                .flatMapMany(Flux::fromIterable)
                .concatMap(insight -> narrator.narrate(insight, month).map(text -> new Narrated(insight, text)))
                .collectList()
                .flatMap(found -> inTransaction.transactional(claim.flatMap(claimed -> claimed
                        ? insights.lockMonth(user, month).flatMap(stored -> store(user, month, found, stored))
                        : Mono.just(0))));
    }

    private Mono<Integer> store(
            UUID user, YearMonth month, List<Narrated> found, Map<UUID, InsightRepository.Stored> stored) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        List<UUID> kept = new ArrayList<>();
        return Flux.fromIterable(found)
                .concatMap(narrated -> {
                    Insight insight = narrated.insight();
                    UUID id = idOf(user, month, insight);
                    kept.add(id);
                    InsightRepository.Stored before = stored.get(id);
                    boolean announce = insight.severity() == Severity.HIGH
                            && (before == null
                                    || (!before.dismissed()
                                            && !Severity.HIGH.name().equals(before.severity())));
                    Mono<Void> write = insights.upsert(
                            id,
                            user,
                            month,
                            insight,
                            json.writeValueAsString(insight.evidence()),
                            narrated.narrative(),
                            now);
                    return announce
                            ? write.then(publisher.generated(new InsightGenerated(
                                    id,
                                    user,
                                    insight.kind().name(),
                                    insight.severity().name(),
                                    month.toString(),
                                    insight.title(),
                                    insight.text(),
                                    now.toInstant())))
                            : write;
                })
                .then(Mono.defer(() -> insights.deleteOthers(user, month, kept)))
                .thenReturn(found.size());
    }

    /** The stable id of an insight: the same finding of the same user-month is the same insight. */
    static UUID idOf(UUID user, YearMonth month, Insight insight) {
        return UUID.nameUUIDFromBytes(
                (user + "|" + month + "|" + insight.kind() + "|" + insight.key()).getBytes(StandardCharsets.UTF_8));
    }
}

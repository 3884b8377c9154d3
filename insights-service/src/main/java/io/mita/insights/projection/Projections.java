package io.mita.insights.projection;

import io.mita.common.erasure.ErasedUsers;
import io.mita.common.events.NonRetryableEventException;
import io.mita.common.inbox.ProcessedEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies one event's change to the user's projections, once per event id (the processed-event inbox, in the same
 * database transaction): the latest state of the transaction or plan (a stale version changes nothing), then the
 * aggregates of the months and merchants it touched before and after the change, then schedules those months'
 * insights (and the next month's, whose month-over-month comparison uses them) to be regenerated after the
 * debounce ({@code mita.insights.refresh-debounce}). An event about an erased user changes nothing
 * ({@link ErasedUsers}, common-lib: the user's lock taken shared, then the tombstone read).
 */
@Service
public class Projections {

    /** The consumer name in {@code processed_event}. */
    public static final String CONSUMER = "insights-projections";

    private final ProjectionStore store;
    private final ErasedUsers erasedUsers;
    private final ProcessedEvents processed;
    private final TransactionalOperator inTransaction;
    private final Clock clock;
    private final Duration debounce;

    Projections(
            ProjectionStore store,
            ErasedUsers erasedUsers,
            ProcessedEvents processed,
            TransactionalOperator inTransaction,
            Clock clock,
            @Value("${mita.insights.refresh-debounce}") Duration debounce) {
        this.store = store;
        this.erasedUsers = erasedUsers;
        this.processed = processed;
        this.inTransaction = inTransaction;
        this.clock = clock;
        this.debounce = debounce;
    }

    /**
     * True when the event was applied, false for an event id seen before or about an erased user (nothing done; the
     * event counts as processed).
     */
    public Mono<Boolean> apply(UUID eventId, ProjectionChange change) {
        return inTransaction.transactional(processed
                .markProcessed(eventId, CONSUMER)
                .filter(first -> first)
                .flatMap(first -> erasedUsers.lockAndCheck(change.userId()))
                .flatMap(erased ->
                        erased ? Mono.just(false) : applyChange(change).thenReturn(true))
                .defaultIfEmpty(false));
    }

    private Mono<Void> applyChange(ProjectionChange change) {
        if (change instanceof TransactionState transaction) {
            return transaction(transaction);
        }
        PlanState plan = (PlanState) change;
        return store.upsertPlan(ProjectionStore.Tables.LIVE, plan)
                .flatMap(rows -> rows == 0 ? Mono.<Void>empty() : refresh(plan.userId(), Set.of(plan.month())));
    }

    private Mono<Void> transaction(TransactionState change) {
        return store.lockTransaction(change.transactionId())
                .map(List::of)
                .defaultIfEmpty(List.of())
                .flatMap(found -> {
                    TransactionState stored = found.isEmpty() ? null : found.get(0);
                    if (stored != null && !stored.userId().equals(change.userId())) {
                        return Mono.<Void>error(new NonRetryableEventException("transaction " + change.transactionId()
                                + " belongs to another user than the event's " + change.userId()));
                    }
                    if (stored != null && stored.version() >= change.version()) {
                        return Mono.<Void>empty(); // stale or repeated: the stored state is as new or newer
                    }
                    Set<YearMonth> months = new LinkedHashSet<>();
                    Set<String> merchants = new LinkedHashSet<>();
                    months.add(change.month());
                    if (change.merchant() != null) {
                        merchants.add(change.merchant());
                    }
                    if (stored != null) {
                        months.add(stored.month());
                        if (stored.merchant() != null) {
                            merchants.add(stored.merchant());
                        }
                    }
                    return store.upsertTransactions(ProjectionStore.Tables.LIVE, List.of(change))
                            .thenMany(Flux.fromIterable(months))
                            .concatMap(month -> store.recomputeMonth(change.userId(), month))
                            .thenMany(Flux.fromIterable(merchants))
                            .concatMap(merchant -> store.recomputeMerchant(change.userId(), merchant))
                            .then(refresh(change.userId(), months));
                });
    }

    private Mono<Void> refresh(UUID user, Set<YearMonth> months) {
        OffsetDateTime due = OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).plus(debounce);
        Set<YearMonth> refreshed = new LinkedHashSet<>();
        months.forEach(month -> {
            refreshed.add(month);
            refreshed.add(month.plusMonths(1));
        });
        return Flux.fromIterable(refreshed)
                .concatMap(month -> store.scheduleRefresh(user, month, due))
                .then();
    }
}

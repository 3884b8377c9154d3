package io.mita.budget.plan;

import static io.mita.budget.plan.PlanFixtures.aPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.mita.budget.category.CategoryKind;
import io.mita.budget.category.CategoryKinds;
import io.mita.budget.support.RecordingOutbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * How redistribution uses what its month's reading answers ({@link MonthCells#reading}): the kinds it read are used
 * without asking the category use case, and thresholds claimed before are not claimed again. Today is 25 February
 * 2026, every day of March is open.
 */
class RebalancingTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final LocalDate TENTH = MARCH.atDay(10);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-25T08:00:00Z"), ZoneOffset.UTC);
    private static final Map<String, CategoryKind> KINDS =
            Map.of("groceries", CategoryKind.ESSENTIAL, "dining", CategoryKind.DISCRETIONARY);

    private final InMemoryPlans plans = new InMemoryPlans();
    private final InMemoryMonthCells cells = new InMemoryMonthCells();
    private final InMemoryRedistributionRuns runs = new InMemoryRedistributionRuns();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final AtomicInteger kindsAsked = new AtomicInteger();
    private final CategoryKinds categoryKinds = user -> {
        kindsAsked.incrementAndGet();
        return Mono.just(KINDS);
    };
    private final UUID alice = UUID.randomUUID();

    @Test
    void aThresholdTheMonthsReadingFoundClaimedIsNeitherClaimedNorPublishedAgain() {
        plans.insert(aPlan(alice, MARCH)).block();
        Rebalancing rebalancing =
                rebalancing(reading(KINDS, Set.of(new RedistributionRuns.Threshold("groceries", 80))));

        cells.spend(alice, TENTH, "groceries", 32_000); // 80 % of 400.00
        rebalancing.changed(alice, List.of(TENTH)).block();

        assertThat(runs.claimsAsked()).as("nothing left to claim: no statement").isEmpty();
        assertThat(thresholds()).isEmpty();

        cells.spend(alice, TENTH, "groceries", 8_000); // 100 %
        rebalancing.changed(alice, List.of(TENTH)).block();

        assertThat(runs.claimsAsked()).containsExactly(new RedistributionRuns.Threshold("groceries", 100));
        assertThat(thresholds()).extracting(ThresholdReached::percent).containsExactly(100);
    }

    @Test
    void theKindsTheReadingAnsweredAreUsedWithoutAskingTheCategories() {
        plans.insert(aPlan(alice, MARCH)).block();
        cells.spend(alice, TENTH, "groceries", 5_000);

        rebalancing(reading(KINDS, Set.of())).changed(alice, List.of(TENTH)).block();

        assertThat(kindsAsked).hasValue(0);
        assertThat(runs.all()).hasSize(1);
    }

    @Test
    void aReadingWithoutKindsAsksTheCategoriesForThem() {
        plans.insert(aPlan(alice, MARCH)).block();
        cells.spend(alice, TENTH, "groceries", 5_000);

        rebalancing(cells).changed(alice, List.of(TENTH)).block();

        assertThat(kindsAsked).hasValue(1);
        assertThat(runs.all()).hasSize(1);
    }

    private Rebalancing rebalancing(MonthCells monthCells) {
        return new Rebalancing(plans, monthCells, runs, categoryKinds, new PlanPublisher(outbox), CLOCK);
    }

    /** The in-memory cells, their reading answering these kinds and claimed thresholds as the real one reads them. */
    private MonthCells reading(Map<String, CategoryKind> kinds, Set<RedistributionRuns.Threshold> claimed) {
        return new MonthCells() {
            @Override
            public Mono<Map<String, long[]>> allocations(UUID userId, YearMonth month) {
                return cells.allocations(userId, month);
            }

            @Override
            public Mono<Void> replaceAllocations(UUID userId, YearMonth month, Map<String, long[]> allocations) {
                return cells.replaceAllocations(userId, month, allocations);
            }

            @Override
            public Mono<Map<String, long[]>> spending(UUID userId, YearMonth month, Currency currency) {
                return cells.spending(userId, month, currency);
            }

            @Override
            public Mono<MonthReading> reading(UUID userId, YearMonth month, Currency currency) {
                return cells.reading(userId, month, currency)
                        .map(read -> new MonthReading(read.allocations(), read.spending(), kinds, claimed));
            }
        };
    }

    private List<ThresholdReached> thresholds() {
        return outbox.payloads(PlanPublisher.THRESHOLD_REACHED, ThresholdReached.class);
    }
}

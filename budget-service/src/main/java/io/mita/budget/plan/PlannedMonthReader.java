package io.mita.budget.plan;

import java.time.YearMonth;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link PlannedMonths} from the stores: two queries (daily allocations, grouped spending) after the plan's.
 */
@Component
class PlannedMonthReader implements PlannedMonths {

    private final Plans plans;
    private final MonthCells cells;

    PlannedMonthReader(Plans plans, MonthCells cells) {
        this.plans = plans;
        this.cells = cells;
    }

    @Override
    public Mono<PlannedMonth> of(UUID userId, YearMonth month) {
        return find(userId, month).switchIfEmpty(Mono.error(() -> new PlanNotFoundException(month)));
    }

    @Override
    public Mono<PlannedMonth> find(UUID userId, YearMonth month) {
        return plans.find(userId, month)
                .flatMap(plan -> Mono.zip(
                                cells.allocations(userId, month), cells.spending(userId, month, plan.currency()))
                        .map(loaded -> month(
                                plan.month(), plan.currency(), plan.allocations(), loaded.getT1(), loaded.getT2())));
    }

    /**
     * The planned month from the plan's allocations, the persisted daily allocations (a category without any is
     * spread evenly, as before its first redistribution) and the spending per category and day.
     */
    static PlannedMonth month(
            YearMonth month,
            Currency currency,
            List<Plan.Allocation> allocations,
            Map<String, long[]> persisted,
            Map<String, long[]> spending) {
        int days = month.lengthOfMonth();
        Map<String, long[]> planned = new LinkedHashMap<>();
        for (Plan.Allocation allocation : allocations) {
            // not getOrDefault: that computed the spread of every category on every read (a JFR hot frame)
            long[] stored = persisted.get(allocation.category());
            planned.put(allocation.category(), stored != null ? stored : Rebalancing.spread(allocation, month));
        }
        persisted.forEach(planned::putIfAbsent);
        spending.keySet().forEach(category -> planned.putIfAbsent(category, new long[days]));
        planned.remove(Rebalancing.COMMITMENTS);
        planned.remove(Rebalancing.SAVINGS);
        Map<String, long[]> spent = new LinkedHashMap<>();
        planned.keySet().forEach(category -> spent.put(category, spending.getOrDefault(category, new long[days])));
        return new PlannedMonth(month, currency, planned, spent);
    }
}

package io.mita.budget.plan;

import io.mita.budget.dashboard.DashboardDay;
import io.mita.budget.dashboard.DashboardPart;
import io.mita.budget.dashboard.MonthToDate;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's month: the same three reads as {@link PlannedMonthReader} (the plan by its unique key, the
 * month's daily allocations on the primary key of {@code month_allocation}, a row per category, the spending per category and day in
 * the plan's currency on a transaction index) as one subquery answering {@code {currency, allocations, cells,
 * spent}}, or SQL NULL without a plan. The planned month is then built by the calendar's own code
 * ({@link PlannedMonthReader#month}).
 */
@Component
class MonthToDateReader implements MonthToDate {

    static final String MONTH = """
            (SELECT json_build_object(
                 'currency', p.currency,
                 'allocations', p.allocations,
                 'cells', (SELECT json_object_agg(a.category, a.amounts)
                           FROM month_allocation a WHERE a.user_id = :userId AND a.month = :first),
                 'spent', (SELECT json_agg(json_build_array(s.category, extract(day FROM s.occurred_on)::int,
                                                            s.spent::text))
                           FROM (SELECT category, occurred_on, sum(amount) AS spent FROM transaction
                                 WHERE user_id = :userId AND deleted_at IS NULL
                                   AND occurred_on BETWEEN :first AND :last
                                   AND type = 'EXPENSE' AND currency = p.currency
                                 GROUP BY category, occurred_on) s))
             FROM budget_plan p WHERE p.user_id = :userId AND p.month = :first)""";

    private static final TypeReference<List<Plan.Allocation>> ALLOCATIONS = new TypeReference<>() {};

    @Override
    public String subquery() {
        return MONTH;
    }

    @Override
    public PlannedMonth read(String json, DashboardDay day) {
        if (json == null) {
            return null;
        }
        YearMonth month = day.month();
        int length = month.lengthOfMonth();
        JsonNode plan = DashboardPart.parse(json);
        Currency currency = Currency.getInstance(plan.get("currency").asString());
        Map<String, long[]> persisted = new TreeMap<>();
        plan.get("cells").properties().forEach(category -> {
            JsonNode amounts = category.getValue();
            long[] cells = new long[amounts.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = amounts.get(i).longValue();
            }
            persisted.put(category.getKey(), cells);
        });
        Map<String, long[]> spending = new TreeMap<>();
        for (JsonNode cell : plan.get("spent")) {
            spending.computeIfAbsent(cell.get(0).asString(), category -> new long[length])[
                            cell.get(1).intValue() - 1] =
                    PlanAmounts.toMinor(new BigDecimal(cell.get(2).asString()), currency);
        }
        return PlannedMonthReader.month(
                month,
                currency,
                DashboardPart.JSON.convertValue(plan.get("allocations"), ALLOCATIONS),
                persisted,
                spending);
    }
}

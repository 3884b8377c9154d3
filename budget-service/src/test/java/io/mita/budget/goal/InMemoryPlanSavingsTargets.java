package io.mita.budget.goal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** {@link PlanSavingsTargets} in a map: the savings target a test gives a user's month. */
final class InMemoryPlanSavingsTargets implements PlanSavingsTargets {

    private record UserMonth(UUID userId, YearMonth month) {}

    private final Map<UserMonth, SavingsTarget> targets = new ConcurrentHashMap<>();

    void plan(UUID userId, YearMonth month, String currency, String savingsTarget) {
        targets.put(
                new UserMonth(userId, month),
                new SavingsTarget(month, Currency.getInstance(currency), new BigDecimal(savingsTarget)));
    }

    @Override
    public Mono<SavingsTarget> lock(UUID userId, YearMonth month) {
        return Mono.justOrEmpty(targets.get(new UserMonth(userId, month)));
    }
}
